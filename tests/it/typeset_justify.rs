//! Justification reads naturally: turnover lines are made flush by moving whole
//! characters first, then by a cell at Han/Latin boundaries or marks set half-width;
//! never a gap between two Han characters (nor inside `2022年`), nor beside a mark.

use crate::typeset_fixtures as fixtures;

use dubao::model::{Article, Field};
use dubao::typeset::{Line, Role, Settings, Squeeze, audit::audit, layout, set_paragraph};

fn all_articles() -> Vec<Article> {
    let mut v = fixtures::articles();
    let lib = dubao::import::load_bundled();
    v.extend(lib.articles().map(|(_, a)| a.clone()));
    v
}

fn is_han(c: char) -> bool {
    dubao::typeset::classes::is_han(c)
}

/// Inserted gaps (unsourced spaces after the first span) between two Han characters,
/// and whether one splits a number from its unit (`2022 年`).
fn gaps(line: &Line) -> (usize, bool) {
    let sp = &line.spans;
    let mut han = 0;
    let mut unit = false;
    for i in 1..sp.len().saturating_sub(1) {
        if sp[i].role != Role::Space || sp[i].source.is_some() {
            continue;
        }
        let (Some(p), Some(c)) = (
            sp[i - 1].text.chars().next_back(),
            sp[i + 1].text.chars().next(),
        ) else {
            continue;
        };
        if is_han(p) && is_han(c) {
            han += 1;
        }
        if p.is_ascii_digit() && "年月日个亿万元%".contains(c) {
            unit = true;
        }
    }
    (han, unit)
}

/// Lines inside paragraphs, and of them: with a Han–Han gap, with two or more, with a
/// number cut from its unit; then lines and lines with a Han–Han gap at 30 cells and up.
fn count(st: &Settings) -> [usize; 6] {
    let (mut lines, mut one, mut two, mut units) = (0, 0, 0, 0);
    let (mut lines30, mut one30) = (0, 0);
    for a in all_articles() {
        for w in 10..=120u16 {
            let l = layout(&a, w, u16::MAX, st);
            let rep = audit(&a, &l, st);
            assert!(rep.faults.is_empty(), "{} at {w}: {:?}", a.id, rep.faults);
            assert_eq!((rep.han_gaps, rep.wide_gaps), (0, 0), "{} at {w}", a.id);
            for line in &l.lines {
                if !line.spans.iter().any(|s| s.role == Role::Body) {
                    continue;
                }
                lines += 1;
                let (n, unit) = gaps(line);
                units += usize::from(unit);
                one += usize::from(n >= 1);
                if w >= 30 {
                    lines30 += 1;
                    one30 += usize::from(n >= 1);
                }
                two += usize::from(n >= 2);
            }
        }
    }
    [lines, one, two, units, lines30, one30]
}

/// No gap between two Han characters, never two blank cells in a row, never a number
/// cut from its unit, at any width from 10 to 120 (before issue 10: 1.5% of body lines
/// held a Han–Han gap; before issue 4, 3.8%).
#[test]
fn no_gaps_between_han_characters() {
    for st in [
        squeeze(),
        Settings {
            fullwidth_punct: false,
            ambiguous_wide: true,
            ..squeeze()
        },
    ] {
        let [lines, one, two, units, _, _] = count(&st);
        eprintln!("{st:?}: {lines} body lines, {one} with a Han–Han gap, {units} a unit cut");
        assert!(lines > 5000);
        assert_eq!((one, two, units), (0, 0, 0));
    }
}

/// The QA cases: at 40 cells the first article has no gap inside `半年`; at 110 the
/// lines `董事长视频的感谢信，  对集团北方总部项 目落户衡水` and `日前启动的2022 年`
/// are set without a gap between Han characters or inside `2022年`.
#[test]
fn qa_lines_have_no_gap_inside_words() {
    let lib = dubao::import::load_bundled();
    let st = squeeze();
    for (id, w) in [
        ("hebei-daily/2022-07-01/01/1", 40u16),
        ("hebei-daily/2022-07-01/01/1", 106),
        ("hebei-daily/2022-07-01/01/2", 106),
    ] {
        let (_, a) = lib.find(id).unwrap();
        let l = layout(a, w, u16::MAX, &st);
        for line in &l.lines {
            assert_eq!(gaps(line), (0, false), "{id} at {w}: {:?}", line.plain());
        }
        let text: String = l.lines.iter().map(|l| l.plain()).collect();
        assert!(
            !text.contains("半 年") && !text.contains("2022 年"),
            "{id} at {w}"
        );
    }
}

/// Crafted paragraphs: numbers with units stay tight, no Han–Han gap, and turnover
/// lines end flush with the text block, within a cell (from 24 cells).
#[test]
fn units_stay_tight_and_no_han_gap() {
    let st = squeeze();
    let texts = [
        "日前启动的2022年冰雪消费季共发放17个批次消费券，带动消费40.59亿元，同比增长25.6%，第3季度再创新高。",
        "项目建设是全年经济工作的纲领性任务该市畅通项目审批通道推行不见面审批全程网办累计办理事项12万件",
    ];
    for t in texts {
        for w in 10..=60u16 {
            let lines = set_paragraph(Field::Paragraph(0), t, w, &st);
            for line in &lines {
                let (han, unit) = gaps(line);
                assert!(han == 0 && !unit, "at {w}: {:?}", line.plain());
            }
            let a = Article {
                paragraphs: vec![dubao::model::Paragraph::text(t)],
                ..Default::default()
            };
            let rep = audit(&a, &layout(&a, w, u16::MAX, &st), &st);
            assert!(rep.faults.is_empty(), "at {w}: {:?}", rep.faults);
            // Narrower, `25.6%，` (7 cells) or `日前启动的` + `2022年` (a unit of 6
            // cells after a 14-cell first line) may leave a line ragged.
            if w >= 26 {
                assert_eq!(rep.ragged, 0, "at {w}: {lines:#?}");
            }
        }
    }
}

/// A line one cell too long fits by setting a mark half-width (标点挤压) where it would
/// otherwise end two cells short (`“九` does not fit the two cells left), and `。”`
/// past the edge hangs as `｡”`; the half-width marks map onto the stored ones.
#[test]
fn marks_set_half_width_fill_a_line_a_gap_may_not() {
    let st = squeeze();
    let set = |text: &str| set_at_20(text, Squeeze::All);
    let lines = set("甲乙丙丁戊己庚一二三，四五六七“九十”");
    assert_eq!(lines[1], "一二三,四五六七“九", "{lines:?}");
    let lines = set("甲乙丙丁戊己庚一二三四五六七八九。”十");
    assert_eq!(lines[1], "一二三四五六七八九｡”", "{lines:?}");
    // Only where needed: a line that fits keeps its full-width marks.
    let lines = set("甲乙丙丁戊己庚一二三，四五六七八九十");
    assert_eq!(lines[1], "一二三，四五六七八", "{lines:?}");
    let a = Article {
        title: "标题".into(),
        paragraphs: vec![dubao::model::Paragraph::text(
            "甲乙丙丁戊己庚一二三，四五六七“九十”甲乙丙丁戊己庚一二三四五六七八九。”十",
        )],
        ..Default::default()
    };
    for w in 10..=60u16 {
        let r = audit(&a, &layout(&a, w, u16::MAX, &st), &st);
        assert!(r.faults.is_empty(), "{w}: {:#?}", r.faults);
    }
}

/// By default (`Squeeze::Stops`) one `。` or `、` a line may go half-width (`｡` `､`, the
/// same mark without its blank half), and only where the line would otherwise end two
/// cells short: `“九` does not fit the two cells `一二三、四五六七` leaves. A comma
/// stays full-width (its half-width form is the Western `,`), as every mark does with
/// `Squeeze::Off`.
#[test]
fn by_default_one_stop_or_pause_mark_goes_half_width_to_save_a_ragged_line() {
    let set = set_at_20;
    assert_eq!(Settings::default().squeeze_punct, Squeeze::Stops);
    let pause = "甲乙丙丁戊己庚一二三、四五六七“九十”甲乙丙丁戊己庚";
    assert_eq!(
        set(pause, Squeeze::Stops),
        [
            "　　甲乙丙丁戊己庚",
            "一二三､四五六七“九",
            "十”甲乙丙丁戊己庚"
        ]
    );
    assert_eq!(
        set(pause, Squeeze::Off),
        [
            "　　甲乙丙丁戊己庚",
            "一二三、四五六七",
            "“九十”甲乙丙丁戊己",
            "庚"
        ]
    );
    let stop = "甲乙丙丁戊己庚一二三。四五六七“九十”甲乙丙丁戊己庚";
    assert_eq!(
        set(stop, Squeeze::Stops),
        [
            "　　甲乙丙丁戊己庚",
            "一二三｡四五六七“九",
            "十”甲乙丙丁戊己庚"
        ]
    );
    // A comma keeps its two cells: the line ends short, as with every mark full-width.
    let comma = "甲乙丙丁戊己庚一二三，四五六七“九十”甲乙丙丁戊己庚";
    assert_eq!(set(comma, Squeeze::Stops), set(comma, Squeeze::Off));
    assert!(set(comma, Squeeze::Stops).concat().contains('，'));
    // One mark a line at most: two cells too long stays too long.
    let two = "甲乙丙丁戊己庚一、二、四五六七“九十”甲乙丙丁戊己庚";
    assert!(
        set(two, Squeeze::Stops)
            .iter()
            .all(|l| l.matches('､').count() <= 1),
        "{:?}",
        set(two, Squeeze::Stops)
    );
    // Where the line fits, the marks keep their width.
    let fits = "甲乙丙丁戊己庚一二三、四五六七八九十";
    assert_eq!(
        set(fits, Squeeze::Stops),
        ["　　甲乙丙丁戊己庚", "一二三、四五六七八", "九十"]
    );
}

/// The choice is the paragraph's: line 1 could end a cell short with every mark
/// full-width (`甲乙丙“丁、戊`), but then line 2 ends two short before `“九`; setting
/// its `、` half-width takes `己` up, and no line ends ragged. A breaker that set a mark
/// half-width only where nothing else fits the line would keep line 1 as it was.
#[test]
fn a_stop_goes_half_width_early_to_spare_a_ragged_line_below() {
    let set = set_at_20;
    let text = "甲乙丙“丁、戊己庚一二三四五六“九十”甲乙丙丁戊己庚";
    assert_eq!(
        set(text, Squeeze::Stops),
        [
            "　　甲乙丙“丁､戊己",
            "庚一二三四五六“九",
            "十”甲乙丙丁戊己庚"
        ]
    );
    assert_eq!(
        set(text, Squeeze::Off),
        [
            "　　甲乙丙“丁、戊",
            "己庚一二三四五六",
            "“九十”甲乙丙丁戊己",
            "庚"
        ]
    );
}

/// The lines of `text` set as one paragraph at width 20, with the defaults but
/// `squeeze`.
fn set_at_20(text: &str, squeeze: Squeeze) -> Vec<String> {
    let st = Settings {
        squeeze_punct: squeeze,
        ..Settings::default()
    };
    set_paragraph(Field::Paragraph(0), text, 20, &st)
        .iter()
        .map(|l| l.plain())
        .collect()
}

/// The defaults with up to three marks a line set half-width where a line is a little
/// too long (`Squeeze::All`, commas too; the default sets one `。` or `、`).
fn squeeze() -> Settings {
    Settings {
        squeeze_punct: Squeeze::All,
        ..Settings::default()
    }
}
