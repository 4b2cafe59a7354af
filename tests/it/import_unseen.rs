//! The classes of error seen on pages of papers the splitter was not developed on
//! (issue 17), each on a page of our own making in `tests/fixtures/import/patterns/`
//! (made-up text in the real shapes): closing datelines, swapped two-line stacks,
//! articles swallowed as subheads, metadata next to a headline, datelines and bylines
//! above a headline, and every article titled.

use dubao::model::ParagraphKind;

use crate::support::patterns::{page, stacks, texts, titles};

#[test]
fn a_closing_dateline_stays_with_the_story_above() {
    for name in ["closing_dateline.txt", "closing_dateline_blank.txt"] {
        let p = page(name);
        assert_eq!(p.articles.len(), if name.contains("blank") { 2 } else { 3 });
        // The story above keeps its last line; the story below gets no dateline.
        assert!(
            texts(&p.articles[0])
                .last()
                .is_some_and(|t| t.starts_with("新华社江城")),
            "{name}: {:?}",
            texts(&p.articles[0])
        );
        assert_eq!(p.articles[1].dateline, None, "{name}");
        assert_eq!(p.articles[0].dateline, None, "{name}");
    }
    let p = page("closing_dateline.txt");
    // In brackets it closes its story too; a dateline opening a story is still its own.
    assert_eq!(
        texts(&p.articles[1]).last(),
        Some(&"（新华社青山5月2日电）")
    );
    assert_eq!(
        p.articles[2].dateline.as_deref(),
        Some("新华社北京5月3日电（记者林晓）")
    );
    let blank = page("closing_dateline_blank.txt");
    assert_eq!(
        texts(&blank.articles[1]).last(),
        Some(&"新华社青山6月12日电")
    );
}

#[test]
fn a_dateline_above_a_headline_opens_its_story_when_the_page_says_so() {
    // The story above has its own dateline, so the lone one over the next headline is
    // that story's (see also `dateline.txt`).
    let p = page("dateline_kicker.txt");
    assert_eq!(
        titles(&p),
        vec!["江城港集装箱吞吐量创新高", "一批便民服务点在社区开张"]
    );
    assert_eq!(p.articles[1].dateline.as_deref(), Some("本报讯"));
    // Neither a dateline nor a byline is ever a kicker.
    assert!(p.articles.iter().all(|a| a.kicker.is_none()));
    assert_eq!(p.articles[0].byline.as_deref(), Some("新华社记者  林  晓"));
}

#[test]
fn no_article_is_untitled() {
    for entry in std::fs::read_dir(format!(
        "{}/tests/fixtures/import/patterns",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("patterns folder")
    {
        let name = entry.expect("entry").file_name();
        let p = page(&name.to_string_lossy());
        for a in &p.articles {
            assert!(!a.title.trim().is_empty(), "{name:?}: {a:?}");
            assert!(!a.title.starts_with('—'), "{name:?}: {}", a.title);
        }
    }
}

#[test]
fn two_line_stacks_take_their_roles_from_their_shape() {
    let p = page("stacks_swapped.txt");
    let stacks = stacks(&p);
    assert_eq!(
        stacks,
        vec![
            // A short display headline over a long descriptive line: title and subtitle.
            (
                None,
                "校准坐标　强化担当",
                Some("江城市委党校在主体班次中突出理论武装和党性教育")
            ),
            // A line naming what was decided and who presided is the subtitle.
            (
                None,
                "全市人大常委会第十二次会议举行",
                Some("审议两部地方性法规草案  王  明主持")
            ),
            (None, "扎根山区二十年", Some("——记青山县乡村教师李春华")),
        ]
    );
}

#[test]
fn metadata_beside_a_headline_is_never_the_headline() {
    let p = page("metadata.txt");
    assert_eq!(
        titles(&p),
        vec!["让理论之光照亮基层实践", "群众的信任是最大的动力"]
    );
    assert_eq!(p.articles[0].byline.as_deref(), Some("作者：林  晓"));
    assert!(texts(&p.articles[0])[0].starts_with("理论的生命力在于实践"));
    let lines: Vec<&str> = p.lines.iter().map(|l| l.text.as_str()).collect();
    for meta in ["来源：江城理论周刊", "字数：1684字", "本期统筹：陈  杰"] {
        assert!(lines.contains(&meta), "{meta} not a page line: {lines:?}");
    }
    assert_eq!(
        p.articles[1].byline.as_deref(),
        Some("本报记者  赵  敏文  江城市医院供图")
    );
    assert!(p.articles.iter().all(|a| a.kicker.is_none()));
}

#[test]
fn a_signed_letter_keeps_its_date_line() {
    let p = page("letter.txt");
    assert_eq!(
        titles(&p),
        vec!["一封来自山区的感谢信", "群众的信任是最大的动力"]
    );
    let letter = texts(&p.articles[0]);
    assert_eq!(letter.last(), Some(&"2023年7月20日"));
    assert!(letter.contains(&"青山县村民  王大山"));
    assert!(p.lines.is_empty(), "{:?}", p.lines);
}

#[test]
fn short_lines_under_a_bylined_story_stay_its_subheads() {
    // Where the story opens with a byline, short lines in it are its subheads.
    let kept = page("subheads_kept_blank.txt");
    assert_eq!(titles(&kept), vec!["一座老港口的转型之路"]);
    let subheads: Vec<&str> = kept.articles[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Subhead)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(subheads, vec!["老码头变身文化街区", "新航线带来新机遇"]);
}

#[test]
fn clause_marked_stack_lines_on_a_blank_page_stay_in_their_stack() {
    let p = page("blank_stack_lines.txt");
    assert_eq!(
        titles(&p),
        vec![
            "青石镇老街完成改造",
            "旱季灌溉不再愁（田间新事）",
            "全市公交客运量稳步回升",
            "江城市与青山市签署协议共同推进两地交通、教育、医疗等公共服务一体化和产业协同发展",
        ]
    );
    // A clause after a finished paragraph, over a tagged headline and its byline, is
    // that headline's kicker, not the last paragraph of the story above.
    assert_eq!(
        p.articles[1].kicker.as_deref(),
        Some("江城推广智能灌溉，每亩节水约三成")
    );
    assert_eq!(p.articles[0].paragraphs.len(), 2);
    // A clause between a headline and a dated paragraph is the subtitle; the dateline
    // opens the first paragraph and never goes on with the line above it.
    assert_eq!(
        p.articles[2].subtitle.as_deref(),
        Some("通勤出行恢复较快，周末客流增长12%")
    );
    assert_eq!(
        p.articles[2].dateline.as_deref(),
        Some("本报江城7月3日电  （记者周文）")
    );
    // Over a dated paragraph, a line no sentence closes heads a story however long.
    assert_eq!(
        p.articles[3].dateline.as_deref(),
        Some("新华社江城7月3日电")
    );
    assert_eq!(p.articles[3].paragraphs.len(), 2);
}

#[test]
fn a_dateline_in_brackets_closes_its_story_and_a_story_has_one_dateline() {
    let p = page("closing_datelines_blank.txt");
    assert_eq!(
        titles(&p),
        vec![
            "江城举办青年创业大赛",
            "江城市与青山市关于共同推进两地公共服务一体化发展的合作备忘录",
            "两市合作备忘录签署项目清单",
            "山区学校新食堂启用",
            "江城市关于加快推进城乡供水一体化建设的实施意见发布",
        ]
    );
    // The dated story above ends where a long headline stands over text that closes
    // on a dateline of its own: that dateline is not the first story's second one.
    assert_eq!(p.articles[0].paragraphs.len(), 2);
    assert_eq!(
        texts(&p.articles[1]).last(),
        Some(&"（新华社江城6月3日电）")
    );
    // Numbered subheads stay in their story, also right under its headline.
    assert!(
        p.articles[1]
            .paragraphs
            .iter()
            .any(|q| q.kind == ParagraphKind::Subhead)
    );
    assert_eq!(p.articles[2].subtitle, None);
    assert_eq!(p.articles[2].paragraphs[0].text, "一、交通领域合作项目");
    assert_eq!(p.articles[2].paragraphs[0].kind, ParagraphKind::Subhead);
    // `1.3万…` opens on a figure, not a number: the stack's subtitle.
    assert_eq!(p.articles[3].subtitle.as_deref(), Some("1.3万余名学生受益"));
    // A contributor's note closes its story: the headline after it starts the next.
    assert_eq!(texts(&p.articles[3]).last(), Some(&"（王青参与采写）"));
    assert_eq!(p.articles[4].paragraphs.len(), 2);
}

#[test]
fn labels_metadata_signatures_warnings_and_leads_take_their_stack_roles() {
    let p = page("stack_roles_indent.txt");
    let stacks = stacks(&p);
    assert_eq!(
        stacks,
        vec![
            (Some("【新春走基层】"), "山村里的年货集市", None),
            // A label never goes on with the caption above, though its credit has no stop.
            (
                Some("【连续报道·扎根基层】"),
                "“把根扎在村里，心里踏实”",
                None
            ),
            // `融媒制作：…` over a headline is the page's, never its kicker.
            (None, "江城启用智慧停车系统", None),
            // A warning under the notice it comes from is the headline.
            (
                Some("市场监管局发布节前消费提示"),
                "警惕预付卡消费陷阱",
                None
            ),
            // A kicker naming a party branch introduces who the story is about.
            (
                Some("“两优一先”代表、青山县石桥村党支部"),
                "小石桥连起致富路",
                None
            ),
            (None, "全球发展合作的新机遇（国际论坛）", None),
            (None, "工程机械畅销海外（微视角）", None),
        ]
    );
    assert_eq!(texts(&p.articles[0]).len(), 1);
    assert!(p.lines.iter().any(|l| l.text == "融媒制作：林晓 周文"));
    // A long transliterated name under a headline signs the piece.
    assert_eq!(
        p.articles[5].byline.as_deref(),
        Some("卡洛斯·德奥利韦拉·桑托斯")
    );
    // A bare figure under the byline is the body's first paragraph.
    assert_eq!(texts(&p.articles[6])[0], "21.7%");
}

#[test]
fn news_stacks_after_a_finished_story_start_stories_and_a_roundups_places_do_not() {
    let p = page("news_stacks_blank.txt");
    let stacks: Vec<(Option<&str>, &str, Option<&str>)> = p
        .articles
        .iter()
        .map(|a| {
            // A short place may stand as the column tag or the kicker: both print above.
            let above = a.kicker.as_deref().or(a.column.as_deref());
            (above, a.title.as_str(), a.subtitle.as_deref())
        })
        .collect();
    assert_eq!(
        stacks,
        vec![
            // A headline too long for one printed line, over its subtitle and a dated body.
            (
                None,
                "江城市第五届青年代表大会、江城市第三届青年企业家代表大会、江城市第二届青年志愿者代表大会在江城召开",
                Some("王明出席开幕式并讲话")
            ),
            // A kicker naming only where, over a headline, after a finished story.
            (Some("河南某县"), "瓷器产业焕发新生机", None),
            // `《…》发布` reports a release: a headline, never a subhead.
            (None, "《江城市气候资源评估报告》发布", None),
        ]
    );
    assert_eq!(texts(&p.articles[1]).len(), 2);
    // The same shape three times under one story: the sections of a roundup.
    let p = page("place_sections_blank.txt");
    assert_eq!(titles(&p), vec!["地铁站里上新了（探访）"]);
    assert_eq!(
        p.articles[0]
            .paragraphs
            .iter()
            .filter(|q| q.kind == ParagraphKind::Subhead)
            .count(),
        6
    );
}

#[test]
fn a_kicker_or_subtitle_glued_to_its_headline_is_set_apart() {
    for name in ["glued_stacks.txt", "glued_stacks_blank.txt"] {
        let p = page(name);
        let stacks = stacks(&p);
        assert_eq!(
            stacks[..3],
            [
                // The score over the team's result: kicker and headline.
                (Some("3∶2战胜对手"), "中国队晋级总决赛", None),
                // What the session decided under the event: headline and subtitle.
                (
                    None,
                    "全市人大常委会第十二次会议举行",
                    Some("审议两部地方性法规草案")
                ),
                (Some("江城市委书记林海——"), "扎根山区守初心", None),
            ],
            "{name}"
        );
        // The padded names stay the byline, the wide spaces inside body lines stay.
        assert_eq!(p.articles[2].byline.as_deref(), Some("本报记者  王  芳"));
        assert!(texts(&p.articles[1]).contains(&"会议强调，要做好立法工作　确保法规管用好用。"));
        assert!(
            texts(&p.articles[2]).contains(&"品种　　面积　　产量"),
            "{name}"
        );
        assert_eq!(
            p.articles[0].dateline.as_deref(),
            Some("本报江城6月1日电  （记者林晓）")
        );
    }
    // A headline's own two printed lines, joined by spaces, stay one headline.
    let p = page("glued_stacks.txt");
    assert_eq!(p.articles.len(), 4);
    assert_eq!(p.articles[3].title, "一肩担使命  一心暖乡邻");
    assert_eq!(p.articles[3].kicker, None);
}

#[test]
fn a_two_line_run_shaped_like_no_subhead_on_the_page_starts_a_story() {
    // The story's two-line subheads share one shape (`一个码头——` over a line); a run of
    // another shape after its finished last paragraph heads the next story.
    let p = page("lone_shape_blank.txt");
    assert_eq!(
        titles(&p),
        vec![
            "江城港集装箱吞吐量创新高",
            "江城银行全力护航乡村振兴走深走实"
        ]
    );
    assert_eq!(
        p.articles[1].kicker.as_deref(),
        Some("科技赋能强产业  绿色发展促振兴")
    );
    let subheads = |a: &dubao::model::Article| {
        a.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Subhead)
            .count()
    };
    assert_eq!(subheads(&p.articles[0]), 4);
    assert_eq!(subheads(&p.articles[1]), 2);
}
