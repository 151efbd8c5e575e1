//! Sample documents shared by the tests, the benchmark and the sample example, plus helpers that
//! read a rendered PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use instagrowth_pdf::{
    Align, Badge, Block, Branding, Column, Document, Paper, Rgb, Series, Tone, ValueFormat,
};

pub fn branding() -> Branding {
    Branding {
        agency_name: "Northlight Social".to_string(),
        logo: None,
        primary: Rgb::from_hex("#4f46e5").unwrap(),
        accent: Rgb::from_hex("#f59e0b").unwrap(),
        contact_line: "hello@northlight.agency · +44 20 1234 5678".to_string(),
        paper: Paper::A4,
        white_label: false,
        watermark: None,
    }
}

pub fn document(blocks: Vec<Block>) -> Document {
    Document {
        title: "Instagram account audit".to_string(),
        client_name: "Café Ñandú".to_string(),
        client_handle: "cafe.nandu".to_string(),
        date: "26 November 2026".to_string(),
        branding: branding(),
        blocks,
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A deterministic pseudo-random number in 0..1 from `seed`.
fn noise(seed: u64) -> f64 {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    (x % 10_000) as f64 / 10_000.0
}

pub fn posts_table(rows: usize) -> Block {
    let kinds = ["Reel", "Carousel", "Image", "Reel", "Story highlight"];
    Block::Table {
        columns: vec![
            Column { title: s("Date"), width: 1.35, align: Align::Left },
            Column { title: s("Post"), width: 3.2, align: Align::Left },
            Column { title: s("Type"), width: 1.2, align: Align::Left },
            Column { title: s("Reach"), width: 1.1, align: Align::Right },
            Column { title: s("Likes"), width: 1.0, align: Align::Right },
            Column { title: s("Engagement"), width: 1.3, align: Align::Right },
        ],
        rows: (0..rows)
            .map(|i| {
                let reach = 2_000 + (noise(i as u64) * 40_000.0) as u64;
                let likes = (reach as f64 * (0.02 + noise(i as u64 + 99) * 0.06)) as u64;
                let caption = if i % 7 == 3 {
                    "Behind the scenes: our new autumn menu, shot at golden hour with the whole team — swipe for the recipes"
                } else if i % 5 == 1 {
                    "Flat white art, Saturday edition"
                } else {
                    "Weekend brunch special"
                };
                vec![
                    format!("{:02} Oct 2026", 1 + i % 28),
                    caption.to_string(),
                    kinds[i % kinds.len()].to_string(),
                    group(reach),
                    group(likes),
                    format!("{:.1} %", likes as f64 / reach as f64 * 100.0),
                ]
            })
            .collect(),
        row_tones: (0..rows)
            .map(|i| match i % 11 {
                2 => Some(Tone::Good),
                8 => Some(Tone::Warning),
                _ => None,
            })
            .collect(),
    }
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn heatmap() -> Block {
    Block::Heatmap {
        title: s("When your audience is online"),
        row_labels: WEEKDAYS.iter().map(|d| s(d)).collect(),
        col_labels: (0..24).map(|h| format!("{h:02}")).collect(),
        values: (0..7)
            .map(|d| {
                (0..24)
                    .map(|h| {
                        if (d == 6 && h < 6) || (d == 2 && h == 4) {
                            None
                        } else {
                            let evening = (-(((h as f64) - 19.0).powi(2)) / 18.0).exp();
                            let lunch = 0.5 * (-(((h as f64) - 12.5).powi(2)) / 4.0).exp();
                            Some(evening + lunch + 0.15 * noise(d * 24 + h) + if d >= 5 { 0.2 } else { 0.0 })
                        }
                    })
                    .collect()
            })
            .collect(),
        note: Some(s("Average share of followers active, by weekday and hour (local time). Empty cells: no data.")),
    }
}

pub fn badges() -> Block {
    Block::Badges(vec![
        Badge {
            label: s("Overall score"),
            value: s("72"),
            caption: s("Out of 100 — above the average for cafés"),
            tone: Tone::Good,
        },
        Badge {
            label: s("Engagement rate"),
            value: s("4.1 %"),
            caption: s("Median 2.9 % for accounts of this size"),
            tone: Tone::Info,
        },
        Badge {
            label: s("Posting consistency"),
            value: s("58"),
            caption: s("Gaps of 9+ days in August and September"),
            tone: Tone::Warning,
        },
        Badge {
            label: s("Hashtag health"),
            value: s("31"),
            caption: s("Three banned or saturated tags in use"),
            tone: Tone::Danger,
        },
        Badge {
            label: s("Followers"),
            value: s("12,480"),
            caption: s("+6.2 % in 90 days"),
            tone: Tone::Neutral,
        },
    ])
}

pub fn line_chart() -> Block {
    let weeks: Vec<String> = (1..=26).map(|w| format!("W{w}")).collect();
    Block::LineChart {
        title: s("Engagement rate by week"),
        labels: weeks,
        series: vec![
            Series {
                name: s("Café Ñandú"),
                values: (0..26)
                    .map(|w| {
                        if w == 9 || w == 10 {
                            None
                        } else {
                            Some(0.028 + 0.02 * noise(w) + w as f64 * 0.0006)
                        }
                    })
                    .collect(),
            },
            Series {
                name: s("Competitor median"),
                values: (0..26)
                    .map(|w| Some(0.026 + 0.006 * noise(w + 500)))
                    .collect(),
            },
        ],
        y_format: ValueFormat::Percent,
        note: Some(s("Weeks 10–11: no posts (the account was paused).")),
    }
}

pub fn bar_chart() -> Block {
    Block::BarChart {
        title: s("Average reach by format"),
        bars: vec![
            (s("Reels"), 18_450.0),
            (s("Carousels"), 9_870.0),
            (s("Images"), 6_120.0),
            (s("Stories"), 3_400.0),
        ],
        y_format: ValueFormat::Integer,
        note: None,
    }
}

pub fn hashtag_bars() -> Block {
    Block::BarChart {
        title: s("Reach per hashtag (top 12)"),
        bars: [
            "#specialtycoffee",
            "#brunchtime",
            "#londoncafe",
            "#flatwhite",
            "#coffeeart",
            "#latteart",
            "#cafelife",
            "#coffeeshop",
            "#foodie",
            "#breakfastclub",
            "#autumnmenu",
            "#shoplocal",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| (s(t), 4_000.0 - i as f64 * 260.0 + noise(i as u64) * 300.0))
        .collect(),
        y_format: ValueFormat::Integer,
        note: Some(s("Reach of posts carrying the tag, average per post.")),
    }
}

/// Every block kind at least once.
pub fn every_block() -> Vec<Block> {
    vec![
        Block::Heading { level: 1, text: s("Summary") },
        Block::Paragraph(s("Café Ñandú — Καλημέρα — Привет. This audit covers the last 180 days of the account: 142 posts, their reach and engagement, the audience's active hours and the hashtags in use.\nEach section ends with what to do next.")),
        badges(),
        Block::Callout { tone: Tone::Info, title: s("What stands out"), text: s("Reels reach three times as many people as images, yet make up a fifth of the posts.") },
        Block::Heading { level: 2, text: s("Account at a glance") },
        Block::KeyValues(vec![
            (s("Handle"), s("@cafe.nandu")),
            (s("Followers"), s("12,480 (+6.2 % in 90 days)")),
            (s("Posts analysed"), s("142 posts between 1 June and 26 November 2026")),
            (s("Best day"), s("Saturday")),
        ]),
        Block::Heading { level: 3, text: s("Strengths") },
        Block::Bullets(vec![
            s("Strong visual identity: a consistent warm palette across the grid."),
            s("Replies to comments within the hour on weekdays, which keeps threads alive and tells the algorithm the account is active."),
            s("Reels with people in the first second perform best."),
        ]),
        Block::Heading { level: 3, text: s("Next steps") },
        Block::Numbered(vec![
            s("Post two Reels a week, Thursday and Saturday around 19:00."),
            s("Replace #foodie and #coffeeshop with narrower local tags."),
            s("Pin the menu carousel."),
        ]),
        Block::Spacer(6.0),
        line_chart(),
        bar_chart(),
        heatmap(),
        Block::PageBreak,
        Block::Heading { level: 2, text: s("Top posts") },
        posts_table(12),
        Block::Callout { tone: Tone::Danger, title: s("Banned hashtag in use"), text: s("#brunchtime is currently restricted; posts using it are hidden from the tag page.") },
        Block::Callout { tone: Tone::Good, title: s("Good"), text: s("Saves per post doubled since September.") },
        Block::Callout { tone: Tone::Warning, title: s("Watch"), text: s("Story views fell 12 % in October.") },
        Block::Callout { tone: Tone::Neutral, title: s("Method"), text: s("Figures come from the account's own data export.") },
        hashtag_bars(),
    ]
}

/// An audit-like document of about 20 pages: the benchmark's workload.
pub fn audit_document() -> Document {
    let mut blocks = vec![
        Block::Heading { level: 1, text: s("Summary") },
        Block::Paragraph(s("This audit covers the last 180 days of @cafe.nandu: 142 posts, their reach and engagement, when the audience is online, and which hashtags help. Scores compare the account with 40 cafés of a similar size in the same city.")),
        badges(),
        Block::Callout { tone: Tone::Info, title: s("The one thing to change"), text: s("Move the Saturday post from 09:00 to 19:00: the audience is three times larger then.") },
        Block::Heading { level: 2, text: s("Growth") },
        line_chart(),
        Block::Paragraph(s("Engagement rose steadily after the account started posting Reels in week 12, and has stayed above the competitor median since.")),
        bar_chart(),
        Block::Heading { level: 2, text: s("Audience activity") },
        heatmap(),
        Block::Bullets(vec![
            s("Evenings between 18:00 and 21:00 are the busiest on every day."),
            s("A smaller lunchtime peak on weekdays: good for quick Stories."),
            s("Weekends are 20 % busier overall."),
        ]),
        hashtag_bars(),
        Block::PageBreak,
        Block::Heading { level: 1, text: s("Every post") },
        Block::Paragraph(s("All posts of the period, newest first. Highlighted rows are the best (green) and weakest (amber) performers.")),
        posts_table(400),
        Block::Heading { level: 1, text: s("Recommendations") },
    ];
    for i in 1..=6 {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("{i}. Recommendation"),
        });
        blocks.push(Block::Paragraph("Post Reels in the evening, when the audience is online, and lead with a person in the first second. Keep captions short and end with a question. ".repeat(3)));
        blocks.push(Block::Numbered(vec![
            s("Plan the week's Reels every Monday."),
            s("Record two at once to save time."),
            s("Review the numbers after four weeks."),
        ]));
    }
    let mut doc = document(blocks);
    doc.branding.logo = None;
    doc
}

/// Where test PDFs and PNGs are written: target/pdf-samples/ at the workspace root.
pub fn samples_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/pdf-samples");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to target/pdf-samples/NAME.pdf and returns the path.
pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = samples_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(program: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(path)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run (poppler-utils installed?): {e}"));
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn pdftotext(path: &Path) -> String {
    run("pdftotext", &["-layout"], path)
}

pub fn pdfinfo(path: &Path) -> String {
    run("pdfinfo", &[], path)
}

pub fn pdffonts(path: &Path) -> String {
    run("pdffonts", &[], path)
}

pub fn page_count(path: &Path) -> usize {
    pdfinfo(path)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo prints Pages:")
}

/// The first page's size in points, from pdfinfo ("Page size: 595.276 x 841.89 pts (A4)").
pub fn page_size(path: &Path) -> (f32, f32) {
    let info = pdfinfo(path);
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("pdfinfo prints Page size:");
    let mut numbers = line
        .split_whitespace()
        .filter_map(|w| w.parse::<f32>().ok());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

/// Inputs a feature might hand over on a bad day: empty, mismatched, non-finite, huge.
pub fn odd_blocks() -> Vec<Block> {
    let long_word = "https://www.instagram.com/p/".to_string() + &"x".repeat(300);
    vec![
        Block::Heading {
            level: 0,
            text: s("Level 0 heading is a level 1"),
        },
        Block::Heading {
            level: 9,
            text: s(""),
        },
        Block::Paragraph(s("")),
        Block::Paragraph(format!(
            "Emoji 😀🎉 and CJK 中文 are dropped when the font has no glyph. {long_word}"
        )),
        Block::Bullets(vec![]),
        Block::Numbered((1..=12).map(|i| format!("Item {i}")).collect()),
        Block::KeyValues(vec![
            (s(""), s("")),
            (
                s("A very long key that needs to wrap over more than one line"),
                long_word.clone(),
            ),
        ]),
        Block::Table {
            columns: vec![],
            rows: vec![vec![s("no"), s("columns")], vec![s("ragged")]],
            row_tones: vec![Some(Tone::Danger)],
        },
        Block::Table {
            columns: vec![Column {
                title: s("Only header"),
                width: f32::NAN,
                align: Align::Center,
            }],
            rows: vec![],
            row_tones: vec![],
        },
        Block::Table {
            columns: vec![
                Column {
                    title: s("Tall"),
                    width: 1.0,
                    align: Align::Left,
                },
                Column {
                    title: s("Cell"),
                    width: 0.0,
                    align: Align::Right,
                },
            ],
            rows: vec![vec!["word ".repeat(1500), s("1")], vec![s("after"), s("2")]],
            row_tones: vec![None, Some(Tone::Good), Some(Tone::Info)],
        },
        Block::Callout {
            tone: Tone::Warning,
            title: s(""),
            text: "A very long callout. ".repeat(400),
        },
        Block::Callout {
            tone: Tone::Info,
            title: s(""),
            text: s(""),
        },
        Block::Badges(vec![]),
        Block::Badges(vec![Badge {
            label: s("Only one"),
            value: s("1,234,567,890,123 %"),
            caption: "long caption ".repeat(30),
            tone: Tone::Neutral,
        }]),
        Block::LineChart {
            title: s("All gaps"),
            labels: vec![],
            series: vec![Series {
                name: s("x"),
                values: vec![None, None],
            }],
            y_format: ValueFormat::Number,
            note: None,
        },
        Block::LineChart {
            title: s("Non-finite, negative, one point"),
            labels: (0..200).map(|i| format!("Day {i}")).collect(),
            series: vec![
                Series {
                    name: s("a"),
                    values: (0..200)
                        .map(|i| Some(((i as f64) / 20.0).sin() * 1000.0 - 200.0))
                        .collect(),
                },
                Series {
                    name: s("b"),
                    values: vec![Some(f64::NAN), Some(f64::INFINITY), None, Some(3.0), None],
                },
            ],
            y_format: ValueFormat::Integer,
            note: Some(s("")),
        },
        Block::BarChart {
            title: s(""),
            bars: vec![],
            y_format: ValueFormat::Percent,
            note: None,
        },
        Block::BarChart {
            title: s("Negative"),
            bars: vec![
                (s("Up"), 0.12),
                (s("Down"), -0.08),
                (s("Flat"), 0.0),
                (s("NaN"), f64::NAN),
            ],
            y_format: ValueFormat::Percent,
            note: None,
        },
        Block::BarChart {
            title: s("Hundreds of bars"),
            bars: (0..150).map(|i| (format!("Bar {i}"), i as f64)).collect(),
            y_format: ValueFormat::Number,
            note: None,
        },
        Block::Heatmap {
            title: s("Empty heatmap"),
            row_labels: vec![],
            col_labels: vec![],
            values: vec![],
            note: None,
        },
        Block::Heatmap {
            title: s("Flat heatmap"),
            row_labels: vec![s("Mon")],
            col_labels: vec![s("0"), s("1")],
            values: vec![vec![Some(2.0), Some(2.0), Some(2.0)], vec![None]],
            note: None,
        },
        Block::Spacer(f32::NAN),
        Block::Spacer(-10.0),
        Block::Spacer(5000.0),
        Block::Paragraph(s("After a huge spacer.")),
    ]
}
