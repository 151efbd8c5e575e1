//! Renders real documents and reads the PDFs back with poppler-utils: the text a reader would
//! copy (pdftotext), page count and size (pdfinfo), embedded fonts (pdffonts), images
//! (pdfimages), and where every word landed (pdftotext -bbox).

mod common;

use std::io::Cursor;
use std::process::Command;

use instagrowth_pdf::{render, Align, Block, Column, Paper, PdfError};

use common::{document, page_count, pdffonts, pdfinfo, pdftotext, write};

#[test]
fn every_block_kind_renders_and_reads_back() {
    let doc = document(common::every_block());
    let bytes = render(&doc).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = write("test-every-block", &bytes);
    let pages = page_count(&path);
    assert!(pages >= 4, "{pages} pages");
    let text = pdftotext(&path);
    for expected in [
        "Instagram account audit",
        "Café Ñandú",
        "@cafe.nandu",
        "26 November 2026",
        "Northlight Social",
        "hello@northlight.agency",
        // Headings of every level.
        "Summary",
        "Account at a glance",
        "Strengths",
        // Table header and cells, wrapped cells included.
        "Engagement",
        "Flat white art, Saturday edition",
        "41,156",
        // A bullet and a numbered item.
        "Reels with people in the first second perform best.",
        "Pin the menu carousel.",
        // Accented Latin, Greek and Cyrillic.
        "Café Ñandú — Καλημέρα — Привет",
        // Key–values, callouts, badges, charts.
        "Posts analysed",
        "What stands out",
        "Banned hashtag in use",
        "Posting consistency",
        "12,480",
        "Engagement rate by week",
        "Competitor median",
        "Average reach by format",
        "18,450",
        "When your audience is online",
        "#specialtycoffee",
        "Weeks 10–11: no posts",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(text.contains(&format!("Page 2 of {pages}")), "{text}");
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    assert!(
        !text.contains("Page 1 of"),
        "the cover carries no page number"
    );
}

#[test]
fn a_long_table_breaks_across_pages_and_repeats_its_header() {
    let doc = document(vec![common::posts_table(120)]);
    let path = write("test-long-table", &render(&doc).unwrap());
    let pages = page_count(&path);
    assert!(pages >= 4, "120 rows on {pages} pages");
    let text = pdftotext(&path);
    // "Engagement" is only a column title: once per content page.
    assert_eq!(text.matches("Engagement").count(), pages - 1, "{text}");
    for page in 2..=pages {
        assert!(text.contains(&format!("Page {page} of {pages}")));
    }
}

#[test]
fn paper_sizes() {
    for (paper, expected) in [(Paper::A4, (595, 842)), (Paper::Letter, (612, 792))] {
        let mut doc = document(common::every_block());
        doc.branding.paper = paper;
        let path = write(&format!("test-paper-{paper:?}"), &render(&doc).unwrap());
        let (w, h) = common::page_size(&path);
        assert_eq!((w.round() as i32, h.round() as i32), expected, "{paper:?}");
        // Every page, not just the first.
        let out = Command::new("pdfinfo")
            .args(["-f", "1", "-l", "99"])
            .arg(&path)
            .output()
            .unwrap();
        let info = String::from_utf8(out.stdout).unwrap();
        let sizes: Vec<&str> = info
            .lines()
            .filter(|l| l.starts_with("Page ") && l.contains("size:"))
            .collect();
        assert_eq!(sizes.len(), page_count(&path));
        for line in sizes {
            let numbers: Vec<i32> = line
                .split("size:")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse::<f32>().ok())
                .map(|v| v.round() as i32)
                .collect();
            assert_eq!(numbers, [expected.0, expected.1], "{line}");
        }
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let path = write(
        "test-fonts",
        &render(&document(common::every_block())).unwrap(),
    );
    let fonts = pdffonts(&path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold:\n{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "{row}");
        // name type encoding emb sub uni ...
        let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
        assert_eq!(flags, ["yes", "yes", "yes"], "uni/sub/emb in: {row}");
    }
    // Subset: far smaller than the two 700 KB font files.
    assert!(std::fs::metadata(&path).unwrap().len() < 120_000);
}

#[test]
fn white_label_removes_every_instagrowth_mark() {
    let mut doc = document(common::every_block());
    let path = write("test-branded", &render(&doc).unwrap());
    assert!(pdftotext(&path).contains("Made with InstaGrowth OS"));

    doc.branding.white_label = true;
    let path = write("test-white-label", &render(&doc).unwrap());
    let text = pdftotext(&path);
    assert!(!text.to_lowercase().contains("instagrowth"), "{text}");
    assert!(!pdfinfo(&path).to_lowercase().contains("instagrowth"));
    assert!(text.contains("Northlight Social"));
}

#[test]
fn the_watermark_is_on_every_page() {
    let mut doc = document(common::every_block());
    doc.branding.watermark = Some("TRIAL".to_string());
    let path = write("test-watermark", &render(&doc).unwrap());
    let pages = page_count(&path);
    // The watermark runs diagonally, which pdftotext reads a letter per line: read the text in
    // drawing order (-raw) and drop the whitespace. Pages are separated by a form feed.
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let per_page: Vec<String> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect())
        .filter(|p: &String| !p.is_empty())
        .collect();
    assert_eq!(per_page.len(), pages);
    assert!(per_page.iter().all(|p| p.contains("TRIAL")), "{text}");

    doc.branding.watermark = None;
    let path = write("test-no-watermark", &render(&doc).unwrap());
    assert!(!pdftotext(&path).contains("TRIAL"));
}

fn logo_image() -> image::RgbaImage {
    image::RgbaImage::from_fn(48, 16, |x, y| {
        if (x / 8 + y / 8) % 2 == 0 {
            image::Rgba([0x4f, 0x46, 0xe5, 255])
        } else {
            image::Rgba([255, 255, 255, if x > 40 { 0 } else { 255 }])
        }
    })
}

fn encode(format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    let img = image::DynamicImage::ImageRgba8(logo_image());
    let img = if format == image::ImageFormat::Jpeg {
        image::DynamicImage::ImageRgb8(img.to_rgb8())
    } else {
        img
    };
    img.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
    bytes
}

fn images_in(path: &std::path::Path) -> Vec<String> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn png_and_jpeg_logos_embed() {
    for (name, format) in [
        ("png", image::ImageFormat::Png),
        ("jpeg", image::ImageFormat::Jpeg),
    ] {
        let mut doc = document(vec![]);
        doc.branding.logo = Some(encode(format));
        let path = write(&format!("test-logo-{name}"), &render(&doc).unwrap());
        let images = images_in(&path);
        let main: Vec<&String> = images.iter().filter(|l| !l.contains("smask")).collect();
        assert_eq!(main.len(), 1, "{name}: {images:?}");
        let cols: Vec<&str> = main[0].split_whitespace().collect();
        // page num type width height ...
        assert_eq!(
            (cols[0], cols[3], cols[4]),
            ("1", "48", "16"),
            "{name}: {images:?}"
        );
    }
}

#[test]
fn a_bad_logo_is_an_error_not_a_panic() {
    let garbage: [&[u8]; 4] = [
        b"definitely not an image",
        &[],
        // A PNG signature with nothing after it, and a truncated JPEG.
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"\xff\xd8\xff\xe0\0\x10JFIF\0",
    ];
    for bytes in garbage {
        let mut doc = document(common::every_block());
        doc.branding.logo = Some(bytes.to_vec());
        match render(&doc) {
            Err(PdfError::BadLogo(_)) => {}
            other => panic!("{bytes:?}: {other:?}"),
        }
    }
    let mut truncated = encode(image::ImageFormat::Png);
    truncated.truncate(truncated.len() / 2);
    let mut doc = document(vec![]);
    doc.branding.logo = Some(truncated);
    assert!(matches!(render(&doc), Err(PdfError::BadLogo(_))));
}

#[test]
fn an_empty_document_is_just_the_cover() {
    let doc = document(vec![]);
    let path = write("test-empty", &render(&doc).unwrap());
    assert_eq!(page_count(&path), 1);
    let text = pdftotext(&path);
    for expected in [
        "Instagram account audit",
        "Café Ñandú",
        "@cafe.nandu",
        "26 November 2026",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(text.contains("hello@northlight.agency"));
    // Page breaks and spacers alone add no blank pages.
    let doc = document(vec![
        Block::PageBreak,
        Block::Spacer(40.0),
        Block::PageBreak,
    ]);
    let path = write("test-only-breaks", &render(&doc).unwrap());
    assert_eq!(page_count(&path), 1);
}

/// One word as `pdftotext -bbox` placed it.
#[derive(Debug)]
struct Word {
    page: usize,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
    text: String,
}

fn words(path: &std::path::Path) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines() {
        if line.trim_start().starts_with("<page ") {
            page += 1;
        } else if line.trim_start().starts_with("<word ") {
            let text =
                line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            out.push(Word {
                page,
                x_min: attr(line, "xMin"),
                y_min: attr(line, "yMin"),
                x_max: attr(line, "xMax"),
                y_max: attr(line, "yMax"),
                text,
            });
        }
    }
    out
}

#[test]
fn content_stays_inside_the_text_area() {
    let doc = common::audit_document();
    let path = write("test-bounds", &render(&doc).unwrap());
    let (w, h) = common::page_size(&path);
    let words = words(&path);
    assert!(words.len() > 1000);
    for word in words.iter().filter(|w| w.page > 1) {
        // 18 mm side margins (51 pt), one point of tolerance for glyph overhang.
        assert!(word.x_min >= 50.0 && word.x_max <= w - 50.0, "{word:?}");
        // Nothing between the header rule and the content top, or the content bottom and the
        // footer rule: the running header is above, the footer below, content in between.
        let in_header_gap = word.y_max > 46.0 && word.y_min < 62.0;
        let in_footer_gap = word.y_max > h - 58.0 && word.y_min < h - 46.0;
        assert!(!in_header_gap && !in_footer_gap, "{word:?}");
    }
}

#[test]
fn right_aligned_cells_line_up_on_measured_widths() {
    let numbers = [
        "1",
        "22,222",
        "333",
        "4,444,444",
        "W",
        "iiii",
        "Ωμέγα",
        "Жук",
    ];
    let doc = document(vec![Block::Table {
        columns: vec![
            Column {
                title: "Name".into(),
                width: 3.0,
                align: Align::Left,
            },
            Column {
                title: "Value".into(),
                width: 1.0,
                align: Align::Right,
            },
        ],
        rows: numbers
            .iter()
            .map(|n| vec!["row".to_string(), n.to_string()])
            .collect(),
        row_tones: vec![],
    }]);
    let path = write("test-right-align", &render(&doc).unwrap());
    let words = words(&path);
    let right_edges: Vec<f32> = words
        .iter()
        .filter(|w| w.page == 2 && (numbers.contains(&w.text.as_str()) || w.text == "Value"))
        .map(|w| w.x_max)
        .collect();
    assert_eq!(right_edges.len(), numbers.len() + 1, "{words:?}");
    let (lo, hi) = right_edges
        .iter()
        .fold((f32::MAX, f32::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    assert!(hi - lo < 0.6, "right edges differ: {right_edges:?}");
}

#[test]
fn odd_input_renders_inside_the_page() {
    let mut doc = document(common::odd_blocks());
    doc.title = "A very long report title that goes on and on ".repeat(6);
    doc.client_name = "😀".to_string();
    doc.client_handle = "@@".to_string();
    doc.branding.agency_name = "An agency with a remarkably long name ".repeat(4);
    doc.branding.contact_line = "contact ".repeat(30);
    doc.branding.primary = instagrowth_pdf::Rgb::from_hex("#fde047").unwrap();
    doc.branding.paper = Paper::Letter;
    doc.branding.watermark = Some("   ".to_string());
    let path = write("test-odd", &render(&doc).unwrap());
    let (w, h) = common::page_size(&path);
    let pages = page_count(&path);
    assert!(pages > 5, "{pages}");
    let text = pdftotext(&path);
    assert!(text.contains("After a huge spacer."));
    assert!(text.contains("No data for this period"));
    assert!(!text.contains('中') && !text.contains('\u{fffd}'));
    for word in words(&path) {
        assert!(
            word.x_min >= 0.0 && word.x_max <= w && word.y_min >= 0.0 && word.y_max <= h,
            "{word:?}"
        );
        if word.page > 1 {
            assert!(word.x_min >= 50.0 && word.x_max <= w - 50.0, "{word:?}");
            let in_footer_gap = word.y_max > h - 58.0 && word.y_min < h - 46.0;
            assert!(!in_footer_gap, "{word:?}");
        }
    }
}
