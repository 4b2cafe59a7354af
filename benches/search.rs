//! Search per keystroke over 10,000 generated articles (about 20 MB of Chinese text,
//! generated deterministically here): the first screen of hits from the shelf, as the
//! reader asks for it, and the background count; and highlighting one article.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use dubao::app::search::SCREEN;
use dubao::library::memory::MemoryShelf;
use dubao::library::{SearchQuery, Shelf};
use dubao::model::{Article, ArticleId, Issue, Library, Page, Paragraph};

/// News vocabulary, most frequent first (drawn with Zipf weights 1/rank).
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "的", "和", "在", "是", "了", "发展", "推进", "工作", "建设", "全省", "我们", "企业", "项目", "经济", "服务",
    "改革", "创新", "今年", "以来", "进一步", "加快", "推动", "记者", "高质量", "社会", "市场", "政策", "群众",
    "坚持", "提升", "重点", "国家", "地区", "产业", "落实", "城市", "农村", "生态", "环境", "保护", "科技", "人才",
    "教育", "文化", "卫生", "健康", "医疗", "疫情", "防控", "安全", "生产", "就业", "收入", "消费", "投资", "金融",
    "数字", "平台", "智能", "制造", "农业", "粮食", "乡村", "振兴", "交通", "基础", "设施", "能源", "绿色", "低碳",
    "水利", "治理", "法治", "党建", "干部", "组织", "领导", "会议", "部署", "要求", "强调", "指出", "表示", "介绍",
    "据了解", "目前", "近日", "日前", "同时", "其中", "已经", "完成", "实现", "增长", "同比", "百分之", "亿元",
    "万元", "家", "个", "河北", "石家庄", "衡水", "邢台", "保定", "唐山", "雄安", "京津冀", "协同", "北方", "总部",
    "园区", "开发区", "县域", "乡镇", "社区", "街道", "居民", "志愿者", "老年人", "儿童", "学校", "医院", "卫生健康委",
    "市场监管局", "行政审批局", "发展改革委", "财政", "税费", "支持", "中小微", "纾困", "营商环境", "审批", "承诺制",
    "标准地", "信用", "监管", "执法", "检查", "调度", "会商", "专班", "链条", "责任", "机制", "体系", "能力", "水平",
    "质量", "效益", "规模", "速度", "效率", "成本", "风险", "问题", "对策", "措施", "方案", "行动", "计划", "目标",
    "任务", "成效", "经验", "做法", "亮点", "特色", "品牌", "招牌", "首创", "试点", "示范", "推广", "覆盖", "网络",
    "信息化", "数据", "系统", "应用", "场景", "线上", "线下", "直播", "电商", "物流", "冷链", "仓储", "出口", "进口",
    "外贸", "开放", "合作", "交流", "签约", "落地", "开工", "竣工", "投产", "达产", "运营", "管理", "维护", "改造",
    "提档", "升级", "转型", "优化", "调整", "结构", "布局", "规划", "设计", "施工", "道路", "桥梁", "铁路", "机场",
    "港口", "电网", "燃气", "供水", "供热", "污水", "垃圾", "分类", "绿化", "造林", "湿地", "河湖", "流域", "大气",
    "空气", "质量改善", "排放", "监测", "预警", "应急", "救援", "消防", "防汛", "抗旱", "气象", "天气", "降雨",
    "温度", "群众满意", "获得感", "幸福感", "安全感", "民生", "实事", "工程", "养老", "托育", "住房", "保障", "救助",
    "帮扶", "脱贫", "巩固", "衔接", "特色产业", "合作社", "家庭农场", "种植", "养殖", "加工", "销售", "品种", "技术",
    "专家", "院士", "高校", "科研", "院所", "实验室", "成果", "转化", "专利", "标准", "认证", "检测", "计量", "冬奥",
    "赛事", "体育", "旅游", "景区", "游客", "文旅", "非遗", "博物馆", "图书馆", "演出", "展览", "论坛", "博览会",
];

/// splitmix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Generator {
    rng: Rng,
    /// Cumulative Zipf weights of `WORDS`.
    cumulative: Vec<f64>,
}

impl Generator {
    fn new(seed: u64) -> Self {
        let mut sum = 0.0;
        let cumulative = (0..WORDS.len())
            .map(|r| {
                sum += 1.0 / (r as f64 + 1.0);
                sum
            })
            .collect();
        Generator {
            rng: Rng(seed),
            cumulative,
        }
    }

    fn word(&mut self) -> &'static str {
        let total = *self.cumulative.last().unwrap();
        let x = (self.rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        WORDS[i.min(WORDS.len() - 1)]
    }

    fn phrase(&mut self, words: usize, out: &mut String) {
        for _ in 0..words {
            out.push_str(self.word());
        }
    }

    /// A sentence of 3–6 clauses; page dumps mix `,` and `，`.
    fn sentence(&mut self, out: &mut String) {
        let clauses = 3 + self.rng.below(4);
        for c in 0..clauses {
            let n = 3 + self.rng.below(6);
            self.phrase(n, out);
            if c + 1 < clauses {
                out.push(if self.rng.below(2) == 0 { ',' } else { '，' });
            }
        }
        out.push('。');
    }

    fn article(&mut self, n: usize) -> Article {
        let mut title = String::new();
        let n_title = 4 + self.rng.below(4);
        self.phrase(n_title, &mut title);
        let mut paragraphs = Vec::new();
        let mut size = 0;
        while size < 2000 {
            let mut text = String::new();
            for _ in 0..2 + self.rng.below(3) {
                self.sentence(&mut text);
            }
            // One paragraph in five is cut by a column break mid-sentence.
            if self.rng.below(5) == 0 {
                let chars: Vec<char> = text.chars().collect();
                let cut = chars.len() / 2;
                let (a, b): (String, String) =
                    (chars[..cut].iter().collect(), chars[cut..].iter().collect());
                size += a.len() + b.len();
                paragraphs.push(Paragraph::text(a));
                paragraphs.push(Paragraph::text(b));
            } else {
                size += text.len();
                paragraphs.push(Paragraph::text(text));
            }
        }
        Article {
            id: ArticleId(format!("bench/2022-07-01/01/{n}")),
            kicker: (self.rng.below(3) == 0).then(|| {
                let mut k = String::new();
                self.phrase(4, &mut k);
                k
            }),
            title,
            dateline: Some("河北日报讯(记者 王永晨)".into()),
            paragraphs,
            ..Default::default()
        }
    }
}

/// 10,000 articles of about 2 KB each, 100 to a page.
fn library() -> Library {
    let mut generator = Generator::new(20_220_701);
    let pages = (0..100)
        .map(|p| Page {
            scan: None,
            number: format!("{:02}", p + 1),
            section: None,
            lines: Vec::new(),
            articles: (0..100).map(|a| generator.article(p * 100 + a)).collect(),
        })
        .collect();
    Library {
        issues: vec![Issue {
            paper: "河北日报".into(),
            slug: "bench".into(),
            date: "2022-07-01".into(),
            pages,
        }],
    }
}

fn text_bytes(lib: &Library) -> usize {
    lib.articles()
        .flat_map(|(_, a)| a.fields())
        .map(|(_, t)| t.len())
        .sum()
}

/// Time since the first call (a monotonic wall clock).
fn wall() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn bench(c: &mut Criterion) {
    let lib = library();
    let started = Instant::now();
    let shelf = MemoryShelf::new(lib.clone());
    let built = started.elapsed();
    eprintln!(
        "search bench: {} articles, {:.1} MB of text; shelf built in {:.0} ms",
        lib.articles().count(),
        text_bytes(&lib) as f64 / 1e6,
        built.as_secs_f64() * 1e3,
    );
    // What the reader asks of the shelf on each keystroke: the first screen of hits
    // (the total is counted on another thread and timed apart).
    let first_screen = |text: &str| SearchQuery {
        text: text.into(),
        limit: SCREEN,
        ..Default::default()
    };
    let cases = [
        ("卫生→卫生健", "卫生健"),
        ("first key 的 (commonest char)", "的"),
        ("first key 卫", "卫"),
        ("no match 卫生鑫", "卫生鑫"),
        ("的→的的", "的的"),
        ("paste 卫生健康委", "卫生健康委"),
        ("full-width 近日，衡", "近日，衡"),
    ];
    for (name, q) in cases {
        let total = shelf.count(&first_screen(q)).unwrap_or(0);
        eprintln!("  {name}: {total} articles");
    }
    // Wall-clock time, and the thread's CPU time: the machine is shared, and under load
    // wall time mostly measures waiting for a core.
    for (group_name, clock) in [
        ("keystroke", wall as fn() -> Duration),
        ("keystroke-cpu", thread_cpu),
    ] {
        let mut group = c.benchmark_group(group_name);
        group.sample_size(10);
        for (name, q) in cases {
            group.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let t = clock();
                        black_box(
                            shelf
                                .search(&first_screen(black_box(q)))
                                .map(|h| h.len())
                                .ok(),
                        );
                        total += clock().saturating_sub(t);
                    }
                    total
                })
            });
        }
        group.bench_function("count 的 (background)", |b| {
            b.iter(|| black_box(shelf.count(&first_screen("的")).ok()))
        });
        group.finish();
    }

    // Highlighting: hits in one generated article (about 2 KB), as the reading pane
    // asks for the article on screen.
    let (_, article) = lib.articles().nth(4321).expect("article");
    let mut group = c.benchmark_group("hits");
    for q in ["卫生健康委", "的", "近日，衡"] {
        group.bench_function(format!("one article, {q}"), |b| {
            b.iter(|| black_box(dubao::search::hits(article, black_box(q)).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
