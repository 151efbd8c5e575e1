//! A local, OpenAI-compatible HTTP server for tests only.
//!
//! The AI layer, the CLI and the end-to-end window tests point the real `async-openai` client
//! at [`FakeOpenAi::base_url`], so requests and answers cross real HTTP on loopback in OpenAI's
//! wire format: `POST /v1/chat/completions` (a JSON `chat.completion`, or SSE
//! `chat.completion.chunk` events ending in `data: [DONE]`), `GET /v1/models`, and OpenAI's
//! error bodies `{"error":{"message","type","param":null,"code"}}`. Answers are scripted with
//! [`Script`]s (replies, errors, delays, cut streams); every request is recorded.
//!
//! ```no_run
//! use instagrowth_fake_openai::{FakeOpenAi, Script};
//!
//! let fake = FakeOpenAi::start();
//! fake.push(Script::rate_limited(1));
//! fake.push(Script::reply(r#"{"caption":"hi"}"#));
//! // ... point the client at fake.base_url() ...
//! assert_eq!(fake.chat_count(), 0);
//! ```

mod scripts;
mod server;
mod wire;

use std::net::SocketAddr;
use std::thread::JoinHandle;

use axum::serve::ListenerExt;
use tokio::sync::oneshot;

pub use scripts::Script;
use server::{lock, FakeState, Shared};

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// The path only, without the query string.
    pub path: String,
    /// Every header, in the order received (names lower-case).
    pub headers: Vec<(String, String)>,
    /// The parsed JSON body; `Null` when empty; a JSON string holding the text when the body
    /// was not JSON.
    pub body: serde_json::Value,
}

impl Recorded {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The running fake server. Stops (and drops every open connection) when dropped.
pub struct FakeOpenAi {
    addr: SocketAddr,
    shared: Shared,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl FakeOpenAi {
    /// Binds 127.0.0.1:0 and serves on its OWN thread with its own tokio runtime, so it works
    /// from plain #[test] functions and from inside #[tokio::test] alike. Stops when dropped.
    ///
    /// The socket is bound before this returns, so the server accepts connections at once.
    pub fn start() -> FakeOpenAi {
        let listener =
            std::net::TcpListener::bind(("127.0.0.1", 0)).expect("fake-openai: bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("fake-openai: non-blocking listener");
        let addr = listener.local_addr().expect("fake-openai: local address");
        let shared: Shared = std::sync::Arc::new(std::sync::Mutex::new(FakeState::new()));
        let app = server::router(shared.clone());
        let (shutdown, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("fake-openai-{}", addr.port()))
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("fake-openai: tokio runtime");
                runtime.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .expect("fake-openai: tokio listener")
                        // Small SSE writes must not wait for delayed ACKs (Nagle).
                        .tap_io(|tcp| {
                            let _ = tcp.set_nodelay(true);
                        });
                    tokio::spawn(async move {
                        let _ = axum::serve(listener, app).await;
                    });
                    let _ = stopped.await;
                });
                // Dropping the runtime cancels the server and every connection task, including
                // slow answers and streams still in flight (no graceful wait).
                drop(runtime);
            })
            .expect("fake-openai: spawn server thread");
        FakeOpenAi {
            addr,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    /// "http://127.0.0.1:PORT/v1"
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// Only requests with `Authorization: Bearer KEY` are served; others get 401 with
    /// `{"error":{"message":"Incorrect API key provided: sk-...xyz.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`
    /// (the last 3 characters of the key sent). A request without a key gets the same status,
    /// type and code with OpenAI's "You didn't provide an API key. ..." message.
    /// A refused request is recorded (and counted by [`FakeOpenAi::chat_count`]) but does not
    /// consume a [`Script`].
    pub fn require_key(&self, key: &str) {
        lock(&self.shared).required_key = Some(key.to_owned());
    }

    /// Models listed by GET /v1/models (default: ["gpt-4o-mini", "gpt-4o"]). GET
    /// /v1/models/{id} answers one of them, or 404 `model_not_found`.
    pub fn set_models(&self, models: &[&str]) {
        lock(&self.shared).models = models.iter().map(|m| (*m).to_owned()).collect();
    }

    /// Queue of scripted answers for POST /v1/chat/completions, used first-in first-out;
    /// when the queue is empty every request gets `Script::Reply(default_content)`.
    pub fn push(&self, script: Script) {
        lock(&self.shared).queue.push_back(script);
    }

    /// Content used when the queue is empty (default: `{"ok":true}`).
    pub fn set_default_content(&self, content: &str) {
        lock(&self.shared).default_content = content.to_owned();
    }

    /// Every request received so far (chat and models), in order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared).requests.clone()
    }

    /// Number of POST /v1/chat/completions received so far.
    pub fn chat_count(&self) -> usize {
        lock(&self.shared).chat_count
    }
}

impl Drop for FakeOpenAi {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for FakeOpenAi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeOpenAi")
            .field("base_url", &self.base_url())
            .finish_non_exhaustive()
    }
}
