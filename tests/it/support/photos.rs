//! Pictures made in the test (JPEG, PNG of any size, a known two-colour pattern), and a
//! library whose article carries a photo and whose page has a scan, served by the
//! loopback server in [`super::feeds`].

use std::io::Cursor;

use dubao::model::{
    Article, ArticleArea, ArticleId, Issue, Library, Page, PageScan, Paragraph, Photo,
};
use image::{ImageFormat, Rgb, RgbImage};

/// Red on top, blue below: the known picture the half-block test reads back.
pub fn two_tone(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |_, y| {
        if y < h / 2 {
            Rgb([255, 0, 0])
        } else {
            Rgb([0, 0, 255])
        }
    })
}

pub fn encode(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("encode");
    out.into_inner()
}

pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    encode(&img, ImageFormat::Jpeg)
}

pub fn png(w: u32, h: u32) -> Vec<u8> {
    encode(&two_tone(w, h), ImageFormat::Png)
}

/// One issue, one page with a scan at `scan` (two areas), two articles: the first with
/// a photo at `photo` standing before its second paragraph.
pub fn library(photo: &str, scan: Option<&str>) -> Library {
    let article = |n: usize, title: &str, photos: Vec<Photo>| Article {
        id: ArticleId(format!("test-daily/2024-05-01/01/{n}")),
        title: title.into(),
        paragraphs: vec![
            Paragraph::text("第一段正文，写在图片之前。"),
            Paragraph::text("第二段正文，写在图片之后。"),
        ],
        photos,
        ..Default::default()
    };
    let photo = Photo {
        url: photo.into(),
        caption: Some("图为新建的大桥。".into()),
        credit: Some("记者 某某摄".into()),
        at: 1,
    };
    Library {
        issues: vec![Issue {
            paper: "测试日报".into(),
            slug: "test-daily".into(),
            date: "2024-05-01".into(),
            pages: vec![Page {
                number: "01".into(),
                articles: vec![
                    article(1, "大桥建成通车", vec![photo]),
                    article(2, "第二篇文章", vec![]),
                ],
                scan: scan.map(|s| PageScan {
                    image: Some(s.into()),
                    pdf: None,
                    areas: vec![
                        ArticleArea {
                            article: 0,
                            coords: vec![10, 10, 190, 140],
                        },
                        ArticleArea {
                            article: 1,
                            coords: vec![10, 150, 100, 290, 190, 290, 190, 150],
                        },
                    ],
                }),
                ..Default::default()
            }],
        }],
    }
}
