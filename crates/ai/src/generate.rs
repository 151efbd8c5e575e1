//! Typed generation: a feature asks for a Rust type and gets it back parsed and checked. The
//! answer streams (text so far and finished items are reported as they arrive), can be
//! cancelled, and an unusable answer gets exactly one repair attempt.
use std::time::Instant;

use async_openai::types::chat::{
    ChatCompletionRequestAssistantMessage, ChatCompletionRequestMessage,
    ChatCompletionRequestSystemMessage, ChatCompletionRequestUserMessage,
    ChatCompletionStreamOptions, CreateChatCompletionRequest, FinishReason, ResponseFormat,
    ResponseFormatJsonSchema,
};
use futures::StreamExt;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use tokio_util::sync::CancellationToken;

use crate::client::{Call, Failed, Provider, Tally};
use crate::error::{classify, refuses_response_format, AiError};
use crate::items::{ItemScanner, StreamedItem};
use crate::provider::StructuredMode;
use crate::schema::strict_schema;
use crate::transport::RetryNotice;

/// A type a feature asks the model for.
pub trait Answer: DeserializeOwned + JsonSchema + Send {
    /// The schema's name (letters, digits, `_` and `-`).
    const NAME: &'static str;
    /// Checks the shape cannot express (counts, limits, banned words). An error gets one repair
    /// attempt with the message shown to the model.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
}

/// What to ask. Numbers in it come from the store, never from a model.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub system: String,
    pub user: String,
}

/// Progress while an answer is generated.
#[derive(Debug, Clone)]
pub enum Progress {
    /// The provider asked us to wait (429) or failed (5xx); the call is retried.
    Retrying(RetryNotice),
    /// Text received so far: its length and the tokens it is roughly worth.
    Text { chars: usize, tokens: u32 },
    /// An element of a top-level array finished.
    Item(StreamedItem),
    /// The answer was unusable; the model is asked once to fix it.
    Repairing { reason: String },
}

/// A validated answer and what it took.
#[derive(Debug)]
pub struct Generated<T> {
    pub value: T,
    pub call: Call,
    pub repaired: bool,
    pub mode: StructuredMode,
}

impl Provider {
    /// Asks for a `T`. Cancelling `cancel` stops the request at once.
    pub async fn generate<T: Answer>(
        &self,
        prompt: &Prompt,
        cancel: &CancellationToken,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<Generated<T>, Failed> {
        let started = Instant::now();
        let mut tally = Tally::new(&self.settings.model);
        let outcome = tokio::select! {
            biased;
            _ = cancel.cancelled() => Err(AiError::Cancelled),
            r = self.generate_inner::<T>(prompt, &mut tally, progress) => r,
        };
        let call = tally.finish(started.elapsed());
        match outcome {
            Ok((value, repaired, mode)) => Ok(Generated {
                value,
                call,
                repaired,
                mode,
            }),
            Err(error) => Err(Failed { error, call }),
        }
    }

    async fn generate_inner<T: Answer>(
        &self,
        prompt: &Prompt,
        tally: &mut Tally,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<(T, bool, StructuredMode), AiError> {
        let schema = strict_schema::<T>();
        let mut mode = self.settings.preset.structured_mode();
        let mut messages = vec![
            system(format!(
                "{}\n\nAnswer with one JSON object and nothing else. It must match this JSON schema:\n{}",
                prompt.system.trim(),
                serde_json::to_string(&schema).unwrap_or_default()
            )),
            ChatCompletionRequestUserMessage::from(prompt.user.as_str()).into(),
        ];
        let mut repaired = false;
        loop {
            let text = loop {
                match self
                    .stream_once(&messages, mode, &schema, T::NAME, tally, progress)
                    .await
                {
                    Ok(text) => break text,
                    Err(Attempt::Refused(next)) => {
                        tracing::info!(from = ?mode, to = ?next, "the provider refused the response format");
                        mode = next;
                    }
                    Err(Attempt::Failed(e)) => return Err(e),
                }
            };
            match parse::<T>(&text) {
                Ok(value) => return Ok((value, repaired, mode)),
                Err(reason) if !repaired => {
                    tracing::info!(%reason, "repairing an unusable answer");
                    progress(Progress::Repairing {
                        reason: reason.clone(),
                    });
                    repaired = true;
                    messages.push(ChatCompletionRequestAssistantMessage::from(text).into());
                    messages.push(
                        ChatCompletionRequestUserMessage::from(format!(
                            "That answer cannot be used: {reason}. Answer again with only the corrected JSON object, matching the schema exactly."
                        ))
                        .into(),
                    );
                }
                Err(reason) => return Err(AiError::InvalidAnswer { detail: reason }),
            }
        }
    }

    async fn stream_once(
        &self,
        messages: &[ChatCompletionRequestMessage],
        mode: StructuredMode,
        schema: &serde_json::Value,
        name: &str,
        tally: &mut Tally,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<String, Attempt> {
        let (client, observed) = self.client().map_err(Attempt::Failed)?;
        let request = CreateChatCompletionRequest {
            model: self.settings.model.clone(),
            messages: messages.to_vec(),
            stream: Some(true),
            stream_options: Some(ChatCompletionStreamOptions {
                include_usage: Some(true),
                ..Default::default()
            }),
            response_format: response_format(mode, schema, name),
            ..Default::default()
        };
        let forward = |tally: &mut Tally| {
            let observed = observed.lock().unwrap();
            for notice in observed.notices.iter().skip(tally.notices_seen) {
                progress(Progress::Retrying(notice.clone()));
            }
            tally.notices_seen = observed.notices.len();
        };
        let opened = client.chat().create_stream(request).await;
        tally.absorb(&observed);
        forward(tally);
        let mut stream = match opened {
            Ok(s) => s,
            Err(e) if refuses_response_format(&e) => {
                return Err(match mode.weaker() {
                    Some(next) => Attempt::Refused(next),
                    None => Attempt::Failed(classify(e, &tally.context(self.timeouts.read))),
                })
            }
            Err(e) => {
                return Err(Attempt::Failed(classify(
                    e,
                    &tally.context(self.timeouts.read),
                )))
            }
        };
        let mut text = String::new();
        let mut scanner = ItemScanner::new();
        let mut finish = None;
        let mut refusal = String::new();
        let mut usage = None;
        while let Some(chunk) = stream.next().await {
            let chunk = chunk
                .map_err(|e| Attempt::Failed(classify(e, &tally.context(self.timeouts.read))))?;
            if !chunk.model.is_empty() {
                tally.model = chunk.model.clone();
            }
            if chunk.usage.is_some() {
                usage = chunk.usage;
            }
            let before = text.len();
            for choice in chunk.choices {
                if let Some(c) = choice.delta.content {
                    text.push_str(&c);
                }
                if let Some(r) = choice.delta.refusal {
                    refusal.push_str(&r);
                }
                if choice.finish_reason.is_some() {
                    finish = choice.finish_reason;
                }
            }
            if text.len() > before {
                progress(Progress::Text {
                    chars: text.chars().count(),
                    tokens: estimate_tokens(&text),
                });
                for item in scanner.feed(&text) {
                    progress(Progress::Item(item));
                }
            }
        }
        let prompt_chars: usize = messages.iter().map(message_chars).sum();
        tally.add_usage(usage.as_ref(), prompt_chars, &text);
        match finish {
            None => Err(Attempt::Failed(AiError::Interrupted {
                detail: "the stream ended before the answer was complete".into(),
            })),
            Some(FinishReason::Length) => Err(Attempt::Failed(AiError::Interrupted {
                detail: "the model reached its output limit mid-answer".into(),
            })),
            Some(FinishReason::ContentFilter) => Err(Attempt::Failed(AiError::Refused {
                status: 200,
                detail: "the provider's content filter stopped the answer".into(),
            })),
            Some(_) if !refusal.is_empty() => Err(Attempt::Failed(AiError::InvalidAnswer {
                detail: format!("the model declined: {}", refusal.trim()),
            })),
            Some(_) => Ok(text),
        }
    }
}

enum Attempt {
    /// The provider does not accept the response format; try this weaker one.
    Refused(StructuredMode),
    Failed(AiError),
}

fn system(text: String) -> ChatCompletionRequestMessage {
    ChatCompletionRequestSystemMessage::from(text).into()
}

fn response_format(
    mode: StructuredMode,
    schema: &serde_json::Value,
    name: &str,
) -> Option<ResponseFormat> {
    match mode {
        StructuredMode::JsonSchema => Some(ResponseFormat::JsonSchema {
            json_schema: ResponseFormatJsonSchema {
                description: None,
                name: name.to_string(),
                schema: schema.clone(),
                strict: Some(true),
            },
        }),
        StructuredMode::JsonObject => Some(ResponseFormat::JsonObject),
        StructuredMode::Prompt => None,
    }
}

fn message_chars(m: &ChatCompletionRequestMessage) -> usize {
    serde_json::to_string(m).map(|s| s.len()).unwrap_or(0)
}

/// Roughly four characters per token — used only where the provider reports no usage.
pub(crate) fn estimate_tokens(text: &str) -> u32 {
    (text.chars().count() as u32).div_ceil(4)
}

/// The JSON object in an answer: without a reasoning model's `<think>` block or Markdown fences.
fn json_part(text: &str) -> &str {
    let text = match text.rfind("</think>") {
        Some(end) => &text[end + "</think>".len()..],
        None => text,
    };
    match (text.find('{'), text.rfind('}')) {
        (Some(start), Some(end)) if end > start => &text[start..=end],
        _ => text.trim(),
    }
}

/// Parses and checks an answer; the error says what is wrong, for the repair prompt.
pub(crate) fn parse<T: Answer>(text: &str) -> Result<T, String> {
    let json = json_part(text);
    if json.is_empty() {
        return Err("the answer was empty".into());
    }
    let value: T = serde_json::from_str(json)
        .map_err(|e| format!("it is not valid JSON for the schema ({e})"))?;
    value.check()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, JsonSchema, PartialEq)]
    struct Tags {
        tags: Vec<String>,
    }
    impl Answer for Tags {
        const NAME: &'static str = "tags";
        fn check(&self) -> Result<(), String> {
            if self.tags.len() > 5 {
                return Err(format!(
                    "{} hashtags, at most 5 are allowed",
                    self.tags.len()
                ));
            }
            Ok(())
        }
    }

    #[test]
    fn answers_are_found_inside_fences_and_after_thinking() {
        let t: Tags =
            parse("<think>maybe {x}</think>\n```json\n{\"tags\": [\"#a\"]}\n```").unwrap();
        assert_eq!(t.tags, ["#a"]);
        assert!(parse::<Tags>("{\"tags\": 3}")
            .unwrap_err()
            .contains("not valid JSON"));
        assert!(parse::<Tags>("").unwrap_err().contains("empty"));
        let six = r##"{"tags": ["#a","#b","#c","#d","#e","#f"]}"##;
        assert_eq!(
            parse::<Tags>(six).unwrap_err(),
            "6 hashtags, at most 5 are allowed"
        );
    }
}
