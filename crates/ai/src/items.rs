//! Finds the items of a JSON answer while it is still streaming: every element of an array that
//! sits directly in the root object (`{"hooks": [{…}, {…}]}`) is reported as soon as its closing
//! bracket arrives, so the UI can show finished items before the whole answer is in. Progress
//! only — the complete answer is parsed and validated once it has arrived.
use serde_json::Value;

/// One finished element of a top-level array.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamedItem {
    /// The root field the array is under.
    pub field: String,
    /// Its position in that array.
    pub index: usize,
    pub value: Value,
}

/// Incremental scanner; feed it the whole text so far, it resumes where it stopped.
#[derive(Debug, Default)]
pub struct ItemScanner {
    pos: usize,
    depth: usize,
    started: bool,
    in_string: bool,
    escaped: bool,
    string_start: usize,
    last_key: Option<String>,
    array_field: Option<String>,
    element_start: Option<usize>,
    index: usize,
}

impl ItemScanner {
    pub fn new() -> Self {
        Self::default()
    }

    /// Scans what arrived since the last call; returns the items finished in it.
    pub fn feed(&mut self, text: &str) -> Vec<StreamedItem> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        while self.pos < bytes.len() {
            let i = self.pos;
            let b = bytes[i];
            self.pos += 1;
            if !self.started {
                if b == b'{' {
                    self.started = true;
                    self.depth = 1;
                }
                continue;
            }
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                    self.string_closed(text, i, &mut out);
                }
                continue;
            }
            match b {
                b'"' => {
                    self.in_string = true;
                    self.string_start = i;
                    if self.in_items() && self.depth == 2 {
                        self.element_start = Some(i);
                    }
                }
                b'{' | b'[' => {
                    if self.depth == 1 && b == b'[' {
                        self.array_field = self.last_key.take();
                        self.index = 0;
                    } else if self.in_items() && self.depth == 2 {
                        self.element_start = Some(i);
                    }
                    self.depth += 1;
                }
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 2 && self.in_items() {
                        self.finish_element(text, i, &mut out);
                    } else if self.depth == 1 {
                        self.array_field = None;
                    } else if self.depth == 0 {
                        self.started = false;
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn in_items(&self) -> bool {
        self.array_field.is_some()
    }

    fn string_closed(&mut self, text: &str, end: usize, out: &mut Vec<StreamedItem>) {
        if self.depth == 1 {
            let raw = &text[self.string_start..=end];
            self.last_key = serde_json::from_str::<String>(raw).ok();
        } else if self.depth == 2 && self.in_items() {
            self.finish_element(text, end, out);
        }
    }

    fn finish_element(&mut self, text: &str, end: usize, out: &mut Vec<StreamedItem>) {
        let Some(start) = self.element_start.take() else {
            return;
        };
        if let Ok(value) = serde_json::from_str::<Value>(&text[start..=end]) {
            out.push(StreamedItem {
                field: self.array_field.clone().unwrap_or_default(),
                index: self.index,
                value,
            });
        }
        self.index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scan_in_pieces(text: &str, piece: usize) -> Vec<StreamedItem> {
        let mut s = ItemScanner::new();
        let mut out = Vec::new();
        let mut end = 0;
        while end < text.len() {
            end = (end + piece).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            out.extend(s.feed(&text[..end]));
        }
        out
    }

    #[test]
    fn items_come_out_as_they_close_whatever_the_chunking() {
        let text = r##"```json
{"title": "x [not] {an} item", "hooks": [{"text": "Stop scrolling — \"3 mistakes\" }]", "n": [1, 2]}, {"text": "Día 2 ✨", "n": []}], "tags": ["#a", "#b\"c"]}
```"##;
        for piece in [1, 2, 3, 7, 64, 1000] {
            let items = scan_in_pieces(text, piece);
            assert_eq!(items.len(), 4, "piece {piece}: {items:?}");
            assert_eq!(items[0].field, "hooks");
            assert_eq!(items[0].index, 0);
            assert_eq!(items[0].value["text"], "Stop scrolling — \"3 mistakes\" }]");
            assert_eq!(items[1].value, json!({"text": "Día 2 ✨", "n": []}));
            assert_eq!((items[2].field.as_str(), items[2].index), ("tags", 0));
            assert_eq!(items[3].value, json!("#b\"c"));
        }
    }

    #[test]
    fn an_unfinished_item_is_not_reported() {
        let mut s = ItemScanner::new();
        assert!(s.feed(r#"{"hooks": [{"text": "a"}, {"text": "b"#).len() == 1);
    }
}
