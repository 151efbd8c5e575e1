//! Markdown → HTML for the article view, and → plain text for snippets and the index.
use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Links may go to another article (`help:id`), a web page (`https:`/`http:`) or an e-mail
/// address; anything else (`javascript:`, `file:`…) loses its link and keeps its text.
fn allowed_href(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["help:", "https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Renders Markdown to HTML. Raw HTML (blocks or inline) is escaped and shown as text, never
/// passed through; `[text](help:article-id)` stays `href="help:article-id"`.
pub fn render_html(markdown: &str) -> String {
    let mut link_stack: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = link_type == LinkType::Email || allowed_href(&dest_url);
            link_stack.push(keep);
            if keep {
                Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            } else {
                None
            }
        }
        Event::End(TagEnd::Link) => {
            if link_stack.pop().unwrap_or(true) {
                Some(Event::End(TagEnd::Link))
            } else {
                None
            }
        }
        Event::Start(Tag::Image { dest_url, .. }) => {
            // Articles carry no images; an image would be a request leaving the machine.
            Some(Event::Text(CowStr::from(format!("[image: {dest_url}]"))))
        }
        Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The Markdown as plain text: words only, blocks separated by a space.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push(' '),
            _ => {}
        }
    }
    let mut collapsed = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let html =
            render_html("Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;div onclick="), "{html}");
    }

    #[test]
    fn help_links_stay_and_bad_schemes_go() {
        let html = render_html(
            "See [scores](help:audit-scores), [site](https://example.com) and [bad](javascript:alert(1)).",
        );
        assert!(
            html.contains(r#"<a href="help:audit-scores">scores</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="https://example.com">site</a>"#),
            "{html}"
        );
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("bad"), "{html}");
    }

    #[test]
    fn images_do_not_load() {
        let html = render_html("![x](https://tracker.example/p.png)");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn plain_text_drops_markup() {
        let t =
            plain_text("# Title\n\nSome **bold** and `code`, a [link](help:x).\n\n- one\n- two\n");
        assert_eq!(t, "Title Some bold and code, a link. one two");
    }
}
