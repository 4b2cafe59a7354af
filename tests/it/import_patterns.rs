//! The patterns of real pages the splitter must read, each on a page of our own making
//! (`tests/fixtures/import/patterns/`), so a clone without the shared corpus still
//! tests every rule: commentaries with a bare byline and no dateline, long and tagged
//! headlines, kicker and subtitle shapes, datelines on their own line, subheads and
//! packages kept inside their article, photo news, closing credits and the staff line.

use dubao::model::{PageLineKind, ParagraphKind};

use crate::support::patterns::{page, texts, titles};

#[test]
fn a_commentary_has_a_headline_a_bare_byline_and_no_dateline() {
    let p = page("commentary.txt");
    assert_eq!(p.articles.len(), 2);
    let a = &p.articles[0];
    // A headline closed by its column tag, a name alone under it.
    assert_eq!(a.title, "让每一条小巷都亮起来（今日谈）");
    assert_eq!(a.byline.as_deref(), Some("林  晓"));
    assert_eq!(a.dateline, None);
    assert_eq!(a.paragraphs.len(), 2);
    // Two printed lines joined by spaces, longer than 36 characters, one headline.
    let b = &p.articles[1];
    assert!(
        b.title.starts_with("青山绿水间的乡村课堂  孩子们"),
        "{}",
        b.title
    );
    assert!(b.title.chars().count() > 36);
    assert_eq!(b.byline.as_deref(), Some("周  文"));
}

#[test]
fn the_staff_line_closing_the_page_is_a_page_line() {
    let p = page("commentary.txt");
    let lines: Vec<_> = p.lines.iter().map(|l| (l.kind, l.text.as_str())).collect();
    assert_eq!(
        lines,
        vec![(PageLineKind::Credit, "本版责编：王  明  李  华")]
    );
    assert!(titles(&p).iter().all(|t| !t.contains("责编")));
}

#[test]
fn kickers_subtitles_and_padded_bylines() {
    let p = page("stacks.txt");
    assert_eq!(
        titles(&p),
        vec![
            "库区水质连续三年保持优良",
            "全市新能源公交推进会召开",
            "秋收时节访粮仓"
        ]
    );
    // A kicker that ends in `——`.
    assert_eq!(
        p.articles[0].kicker.as_deref(),
        Some("东江湖畔推进生态保护修复——")
    );
    // A subtitle with no `——`: the title states the event, the subtitle who spoke.
    assert_eq!(p.articles[1].subtitle.as_deref(), Some("副市长出席并讲话"));
    assert_eq!(p.articles[1].kicker, None);
    // `本报记者  常  钦`: a name padded to width is still a byline.
    assert_eq!(p.articles[2].byline.as_deref(), Some("本报记者  常  钦"));
    assert_eq!(p.articles[2].paragraphs.len(), 2);
}

#[test]
fn a_dateline_on_its_own_line_after_or_before_the_headline() {
    let p = page("dateline.txt");
    assert_eq!(
        titles(&p),
        vec!["城南新建三座口袋公园", "山区学校用上新食堂"]
    );
    assert_eq!(p.articles[0].dateline.as_deref(), Some("本报讯"));
    assert!(texts(&p.articles[0])[0].starts_with("近日"));
    // Standing above the next headline, it opens that story, not the one before.
    assert_eq!(p.articles[1].dateline.as_deref(), Some("本报江城6月2日电"));
    assert_eq!(p.articles[0].paragraphs.len(), 2);
    assert!(texts(&p.articles[1])[0].starts_with("记者从江城县"));
}

#[test]
fn a_package_keeps_its_sub_stories_inside() {
    let p = page("package.txt");
    assert_eq!(titles(&p), vec!["这些年轻人扎根基层", "一条新路通山外"]);
    let a = texts(&p.articles[0]);
    for inside in [
        "——编  者",
        "山村教师王小雨——",
        "把知识送到大山深处",
        "本报记者  陈  杰",
        "社区医生刘一鸣——",
        "本报记者  赵  敏",
    ] {
        assert!(
            a.contains(&inside),
            "{inside} not a paragraph of the package"
        );
    }
    // The sub-story's byline is a paragraph of its own, not glued to the next one.
    assert!(a.iter().any(|t| t.starts_with("王小雨在山村小学")));
}

#[test]
fn subheads_stay_in_their_article_and_credits_close_it() {
    let p = page("subheads.txt");
    assert_eq!(
        titles(&p),
        vec!["一座老工业城市的新生", "图片报道", "晨光中的江滩"]
    );
    let a = &p.articles[0];
    let subheads: Vec<&str> = a
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Subhead)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(subheads, vec!["老厂房里的新业态", "老工人的新岗位"]);
    // The closing credit in parentheses is the story's last paragraph, as printed.
    assert_eq!(texts(a).last(), Some(&"（本报记者  郑  阳）"));
    // Photo news: its caption (credit inline), then a photo credited on its own line.
    assert!(texts(&p.articles[1])[0].ends_with("马  丁摄"));
    assert_eq!(p.articles[2].credit.as_deref(), Some("许  可摄"));
    assert_eq!(p.articles[2].paragraphs[0].kind, ParagraphKind::Caption);
}

#[test]
fn the_indent_style_reads_headlines_from_the_layout() {
    let p = page("indent.txt");
    assert_eq!(
        titles(&p),
        vec![
            "老街巷，亮起来，暖起来！",
            "这些年轻人扎根基层",
            "全省夏粮收购工作启动"
        ]
    );
    // A label in lenticular brackets heads the story; clause marks in the headline.
    assert_eq!(p.articles[0].kicker.as_deref(), Some("【城市观察】"));
    assert_eq!(p.articles[0].byline.as_deref(), Some("林  晓"));
    // Indented, a byline signs a sub-story and a dated piece continues a roundup.
    let a = texts(&p.articles[1]);
    assert!(a.contains(&"本报记者  陈  杰"));
    assert!(a.iter().any(|t| t.starts_with("本报江城6月2日电")));
    assert_eq!(
        p.articles[2].subtitle.as_deref(),
        Some("已收购小麦三百万吨")
    );
    assert_eq!(p.lines.len(), 1);
}

#[test]
fn a_digest_of_speeches_is_one_article() {
    let p = page("digest.txt");
    // Each speaker's piece, headed, signed with a post and credited `（…整理）`, stays
    // inside the digest; the dated story after it is the next article.
    assert_eq!(
        titles(&p),
        vec!["推动社区治理创新  提升基层服务能力", "社区食堂开进更多小区"]
    );
    let a = texts(&p.articles[0]);
    assert!(a.contains(&"让老旧小区焕发新活力"));
    assert!(a.contains(&"城南街道党工委书记  吴  芳"));
    assert_eq!(a.last(), Some(&"（本报记者  王  丽整理）"));
}

#[test]
fn two_unmarked_headline_lines_read_as_title_and_subtitle_or_stay_one() {
    let p = page("two_lines.txt");
    // A short line of figures under a statement: the subtitle.
    assert_eq!(p.articles[0].title, "全市夏季用水量同比增长5%");
    assert_eq!(
        p.articles[0].subtitle.as_deref(),
        Some("居民生活用水超过三万吨")
    );
    // Evidence either way but not enough: one headline of the two printed lines.
    assert_eq!(
        p.articles[1].title,
        "全市旅游节日前开幕  多项活动持续至十月"
    );
    assert_eq!(p.articles[1].kicker, None);
    assert_eq!(p.articles[1].subtitle, None);
}

#[test]
fn a_package_whose_introduction_quotes_an_epigraph_stays_one_article() {
    let p = page("package_epigraph.txt");
    // The epigraph's source (`——摘自…`) over the first story's stack does not hide
    // that the short introduction heads a package of signed stories.
    assert_eq!(titles(&p), vec!["一碗米粉，如何从小城走向全国（一线见闻）"]);
    let a = texts(&p.articles[0]);
    assert!(a.contains(&"——摘自发展规划"));
    assert!(a.contains(&"本报记者  陈  杰"));
    assert!(a.contains(&"开进商圈里  吃出新场景"));
}

#[test]
fn a_roundtable_lists_its_guests_by_name_and_post() {
    let p = page("roundtable.txt");
    // `某某（某会会长）` names a guest: not a headline closed by a column tag.
    assert_eq!(titles(&p), vec!["城市更新如何更有温度（圆桌）"]);
    let a = texts(&p.articles[0]);
    assert!(a.contains(&"阿里·哈桑（某国城市规划学会会长）"));
    assert!(a.contains(&"让居民成为更新的主角"));
}

#[test]
fn a_lead_without_a_full_stop_stays_whole() {
    let p = page("leads.txt");
    let a = texts(&p.articles[0]);
    // A deck under the byline that the page prints again is whole, not cut.
    assert_eq!(
        a[0],
        "把服务窗口搬到群众家门口，用近一些的服务换来暖一分的实效"
    );
    assert!(a[1].starts_with("又是一个赶集日。"));
    // A lead that restates its subhead is whole too.
    assert!(a.contains(&"初心史"));
    assert!(a.iter().any(|t| t.ends_with("把群众的事放在心上")));
}

#[test]
fn a_headline_after_a_paragraph_without_a_full_stop_opens_its_own_article() {
    // A caption closed by its photographer has no full stop, so it looks like a paragraph
    // a column cut in two; the headline-shaped line after it still heads a new article.
    let p = page("caption_then_headline.txt");
    assert_eq!(
        titles(&p),
        vec![
            "湖畔新添一座候鸟观测站",
            "清晨的南湖湿地",
            "星河职业学院机电工程系：深耕产教融合 培育一线工匠",
        ]
    );
    // A paragraph really cut by a column is still joined.
    let a = texts(&p.articles[0]);
    assert_eq!(a.len(), 2);
    assert!(a[0].ends_with("观察越冬的候鸟群落，站内还设有科普展板和志愿者讲解服务。"));
    let caption = texts(&p.articles[1]);
    assert_eq!(caption.len(), 1);
    assert!(caption[0].ends_with("林晓摄"), "{caption:?}");
    let c = texts(&p.articles[2]);
    assert_eq!(c.len(), 3);
    assert!(c[0].starts_with("星河职业学院机电工程系（以下简称"));
}
