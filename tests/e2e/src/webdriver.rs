//! A small W3C WebDriver client over plain HTTP: just the commands these tests use.
//! (fantoccini's session handshake never returned through tauri-driver here.)
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// An element reference from the W3C protocol.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    base: String,
    id: String,
    agent: ureq::Agent,
}

#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    /// Opens a session with `capabilities` (see [`crate::capabilities`]).
    pub fn new(server: &str, capabilities: serde_json::Map<String, Value>) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .build()
            .into();
        let base = server.trim_end_matches('/').to_string();
        // tauri-driver now and then drops the very first connection while WebKitWebDriver is
        // still starting ("Peer disconnected", no app launched at all): try again a few times.
        let mut attempt = 0;
        let mut response = loop {
            attempt += 1;
            match agent
                .post(format!("{base}/session"))
                .send_json(json!({ "capabilities": { "alwaysMatch": capabilities.clone() } }))
            {
                Ok(r) => break r,
                Err(e) if attempt < 4 => {
                    eprintln!("POST /session failed ({e}); trying again");
                    std::thread::sleep(Duration::from_secs(2));
                }
                Err(e) => panic!("POST /session: {e}"),
            }
        };
        let body: Value = response.body_mut().read_json().expect("session JSON");
        let id = body["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {body}"))
            .to_string();
        Session { base, id, agent }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, Value> {
        let url = format!("{}/session/{}{}", self.base, self.id, path);
        let mut response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        }
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status_ok = response.status().is_success();
        let body: Value = response.body_mut().read_json().unwrap_or(Value::Null);
        let value = body.get("value").cloned().unwrap_or(Value::Null);
        // Errors carry an "error" member; some hops relay them with a 200 status.
        let is_error = value.get("error").is_some_and(|e| e.is_string());
        if status_ok && !is_error {
            Ok(value)
        } else {
            Err(value)
        }
    }

    fn must(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path} failed: {e}"))
    }

    pub fn title(&self) -> String {
        self.must("GET", "/title", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The first element matching a CSS selector, if any right now.
    pub fn find(&self, css: &str) -> Option<Element> {
        // WebKitWebDriver answers "stale element reference" when the node it matched is being
        // replaced or removed while it makes the handle (a screen re-rendering): ask again.
        for _ in 0..20 {
            match self.call(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            ) {
                Ok(v) => {
                    return Some(Element(
                        v[ELEMENT_KEY]
                            .as_str()
                            .unwrap_or_else(|| panic!("element reply: {v}"))
                            .to_string(),
                    ))
                }
                Err(e) if e["error"] == "no such element" => return None,
                Err(e) if e["error"] == "stale element reference" => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => panic!("finding {css}: {e}"),
            }
        }
        panic!("finding {css}: the element stayed stale for a second")
    }

    /// Waits up to `timeout` for an element matching `css`.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(el) = self.find(css) {
                return el;
            }
            assert!(
                Instant::now() < deadline,
                "{css} did not appear within {timeout:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits up to `timeout` until nothing matches `css` (a dialog closed, say).
    pub fn wait_gone(&self, css: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.find(css).is_some() {
            assert!(
                Instant::now() < deadline,
                "{css} still there after {timeout:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, el: &Element) {
        self.must("POST", &format!("/element/{}/click", el.0), None);
    }

    pub fn send_keys(&self, el: &Element, text: &str) {
        self.must(
            "POST",
            &format!("/element/{}/value", el.0),
            Some(json!({ "text": text })),
        );
    }

    pub fn clear(&self, el: &Element) {
        self.must("POST", &format!("/element/{}/clear", el.0), None);
    }

    pub fn text(&self, el: &Element) -> String {
        self.must("GET", &format!("/element/{}/text", el.0), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The element's `textContent` (WebKitWebDriver's rendered-text command drops the text of
    /// spans nested in a button).
    pub fn text_content(&self, el: &Element) -> String {
        let script = "return arguments[0].textContent;";
        let arg = json!({ ELEMENT_KEY: el.0 });
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [arg] })),
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// The `textContent` of the first element matching `css`, read in one script call (a screen
    /// that re-renders can make a found element stale before it is read); empty when absent.
    pub fn text_of(&self, css: &str) -> String {
        let script =
            "const el = document.querySelector(arguments[0]); return el ? el.textContent : '';";
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [css] })),
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Waits until the first element matching `css` contains `needle`; returns its text.
    pub fn wait_text(&self, css: &str, needle: &str, timeout: Duration) -> String {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let text = self.text_of(css);
            if text.contains(needle) {
                return text;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{css} never said “{needle}”: {text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs an async script; it reports through the callback WebDriver passes as its last
    /// argument.
    pub fn execute_async(&self, script: &str) -> Value {
        self.must(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// The window's `{x, y, width, height}`.
    pub fn window_rect(&self) -> Value {
        self.must("GET", "/window/rect", None)
    }

    pub fn set_window_rect(&self, x: i64, y: i64, width: i64, height: i64) -> Value {
        let rect = json!({ "x": x, "y": y, "width": width, "height": height });
        self.must("POST", "/window/rect", Some(rect))
    }

    /// Scrolls the element to the top of its scrolling container.
    pub fn scroll_into_view(&self, el: &Element) {
        let arg = json!({ ELEMENT_KEY: el.0 });
        let script = "arguments[0].scrollIntoView({block: 'start'});";
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [arg] })),
        );
    }

    /// Ends the session; tauri-driver closes the app.
    pub fn quit(self) {
        drop(self);
    }
}

/// A session also ends when a test fails half-way: otherwise its app would stay open, and the next
/// test's app (one instance only) would hand over to it and exit.
impl Drop for Session {
    fn drop(&mut self) {
        let url = format!("{}/session/{}", self.base, self.id);
        let _ = self.agent.delete(&url).call();
    }
}
