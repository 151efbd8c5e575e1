//! Which OpenAI-compatible provider to talk to: a preset (OpenAI, OpenRouter, Ollama, LM Studio
//! or custom), its base URL, the model, and optional extra headers. The API key is not here: it
//! lives in the OS keychain (`keychain`). These settings are plain data the workspace stores.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A provider preset: the base URL, a sensible model and how it does structured output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    OpenAi,
    OpenRouter,
    Ollama,
    LmStudio,
    Custom,
}

/// How the provider is asked for JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StructuredMode {
    /// `response_format: json_schema` — the provider constrains the answer to the schema.
    JsonSchema,
    /// `response_format: json_object` — valid JSON guaranteed, the shape checked by us.
    JsonObject,
    /// No response format: the schema is in the prompt and the answer is checked by us.
    Prompt,
}

impl StructuredMode {
    /// The next, less demanding mode, for a provider that refused this one.
    pub fn weaker(self) -> Option<StructuredMode> {
        match self {
            StructuredMode::JsonSchema => Some(StructuredMode::JsonObject),
            StructuredMode::JsonObject => Some(StructuredMode::Prompt),
            StructuredMode::Prompt => None,
        }
    }
}

impl Preset {
    pub const ALL: [Preset; 5] = [
        Preset::OpenAi,
        Preset::OpenRouter,
        Preset::Ollama,
        Preset::LmStudio,
        Preset::Custom,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Preset::OpenAi => "openai",
            Preset::OpenRouter => "openrouter",
            Preset::Ollama => "ollama",
            Preset::LmStudio => "lmstudio",
            Preset::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Preset::OpenAi => "OpenAI",
            Preset::OpenRouter => "OpenRouter",
            Preset::Ollama => "Ollama (local)",
            Preset::LmStudio => "LM Studio (local)",
            Preset::Custom => "Custom (OpenAI-compatible)",
        }
    }

    /// The base URL the preset starts from (custom has none).
    pub fn base_url(self) -> &'static str {
        match self {
            Preset::OpenAi => "https://api.openai.com/v1",
            Preset::OpenRouter => "https://openrouter.ai/api/v1",
            Preset::Ollama => "http://localhost:11434/v1",
            Preset::LmStudio => "http://localhost:1234/v1",
            Preset::Custom => "",
        }
    }

    /// A model that works on the preset out of the box (local servers name their own).
    pub fn default_model(self) -> &'static str {
        match self {
            Preset::OpenAi => "gpt-4o-mini",
            Preset::OpenRouter => "openai/gpt-4o-mini",
            Preset::Ollama => "llama3.1",
            Preset::LmStudio | Preset::Custom => "",
        }
    }

    /// Whether the provider wants an API key. Local servers accept any or none.
    pub fn needs_key(self) -> bool {
        matches!(self, Preset::OpenAi | Preset::OpenRouter)
    }

    /// Whether the server runs on this machine (nothing leaves it).
    pub fn is_local(self) -> bool {
        matches!(self, Preset::Ollama | Preset::LmStudio)
    }

    /// The strongest structured-output mode the provider is known to accept. LM Studio accepts
    /// `json_schema` but not `json_object`; a provider that refuses a mode is retried with the
    /// next weaker one (see [`StructuredMode::weaker`]).
    pub fn structured_mode(self) -> StructuredMode {
        StructuredMode::JsonSchema
    }
}

/// A header sent with every request (OpenRouter's `HTTP-Referer` and `X-Title`, a proxy's
/// routing header). Never a secret: the key has its own place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExtraHeader {
    pub name: String,
    pub value: String,
}

/// The provider the workspace uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProviderSettings {
    pub preset: Preset,
    pub base_url: String,
    pub model: String,
    pub extra_headers: Vec<ExtraHeader>,
}

/// Why provider settings were refused; `field` names the setting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SettingsError {
    pub field: &'static str,
    pub message: String,
}

fn refuse(field: &'static str, message: impl Into<String>) -> SettingsError {
    SettingsError {
        field,
        message: message.into(),
    }
}

/// Header names that carry credentials: those belong in the keychain, not in settings.
const SECRET_HEADERS: [&str; 5] = [
    "authorization",
    "api-key",
    "x-api-key",
    "proxy-authorization",
    "cookie",
];

impl ProviderSettings {
    /// The preset's own settings.
    pub fn from_preset(preset: Preset) -> ProviderSettings {
        let extra_headers = match preset {
            // OpenRouter attributes traffic to the app with these (optional) headers.
            Preset::OpenRouter => vec![
                ExtraHeader {
                    name: "HTTP-Referer".into(),
                    value: "https://instagrowth.app".into(),
                },
                ExtraHeader {
                    name: "X-Title".into(),
                    value: "InstaGrowth OS".into(),
                },
            ],
            _ => Vec::new(),
        };
        ProviderSettings {
            preset,
            base_url: preset.base_url().to_string(),
            model: preset.default_model().to_string(),
            extra_headers,
        }
    }

    /// Checks and normalises (trims, drops a trailing `/`). The base URL must be http(s) with a
    /// host; plain http is only for this machine or a private network (a local model server) —
    /// an API key is never sent in clear text over the internet.
    pub fn validated(self) -> Result<ProviderSettings, SettingsError> {
        let s = self.validated_for_listing()?;
        if s.model.is_empty() {
            return Err(refuse("model", "choose the model to use"));
        }
        Ok(s)
    }

    /// As [`validated`](Self::validated) but the model may still be unchosen (to list models).
    pub fn validated_for_listing(mut self) -> Result<ProviderSettings, SettingsError> {
        self.base_url = self.base_url.trim().trim_end_matches('/').to_string();
        self.model = self.model.trim().to_string();
        if self.base_url.is_empty() {
            return Err(refuse(
                "base_url",
                "enter the provider's base URL, e.g. https://api.example.com/v1",
            ));
        }
        let url = url::Url::parse(&self.base_url).map_err(|e| {
            refuse(
                "base_url",
                format!("“{}” is not a URL ({e})", self.base_url),
            )
        })?;
        let host = url.host_str().unwrap_or_default().to_string();
        match url.scheme() {
            "https" => {}
            "http" if is_private_host(&host) => {}
            "http" => {
                return Err(refuse(
                    "base_url",
                    format!("use https for {host}: plain http is only allowed for a server on this machine or your local network"),
                ))
            }
            other => return Err(refuse("base_url", format!("the base URL must start with https:// (not {other}://)"))),
        }
        if host.is_empty() {
            return Err(refuse("base_url", "the base URL has no host"));
        }
        if self.model.chars().any(char::is_whitespace) {
            return Err(refuse(
                "model",
                format!("a model name has no spaces: “{}”", self.model),
            ));
        }
        for h in &mut self.extra_headers {
            h.name = h.name.trim().to_string();
            h.value = h.value.trim().to_string();
            if h.name.is_empty()
                || !h
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(refuse(
                    "extra_headers",
                    format!("“{}” is not a valid header name", h.name),
                ));
            }
            if SECRET_HEADERS.contains(&h.name.to_ascii_lowercase().as_str()) {
                return Err(refuse(
                    "extra_headers",
                    format!("{} carries a credential: put the key in the API key field, which keeps it in the OS keychain", h.name),
                ));
            }
            if http::HeaderValue::from_str(&h.value).is_err() {
                return Err(refuse(
                    "extra_headers",
                    format!(
                        "the value of {} has characters a header cannot carry",
                        h.name
                    ),
                ));
            }
        }
        Ok(self)
    }

    /// Whether requests stay on this machine or the local network.
    pub fn is_local(&self) -> bool {
        url::Url::parse(&self.base_url)
            .ok()
            .and_then(|u| u.host_str().map(is_private_host))
            .unwrap_or(false)
    }
}

fn is_private_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host == "localhost" || host.ends_with(".local") || host.ends_with(".localhost") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        Ok(std::net::IpAddr::V6(ip)) => ip.is_loopback() || (ip.segments()[0] & 0xfe00) == 0xfc00,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(url: &str) -> ProviderSettings {
        ProviderSettings {
            preset: Preset::Custom,
            base_url: url.into(),
            model: "m".into(),
            extra_headers: vec![],
        }
    }

    #[test]
    fn presets_round_trip_and_validate() {
        for p in Preset::ALL {
            assert_eq!(Preset::parse(p.id()), Some(p));
            if p != Preset::Custom && p != Preset::LmStudio {
                ProviderSettings::from_preset(p).validated().unwrap();
            }
        }
        assert!(ProviderSettings::from_preset(Preset::Ollama).is_local());
        assert!(!ProviderSettings::from_preset(Preset::OpenAi).is_local());
    }

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            custom(" https://x.io/v1/ ").validated().unwrap().base_url,
            "https://x.io/v1"
        );
        custom("http://127.0.0.1:8080/v1").validated().unwrap();
        custom("http://192.168.1.20:1234/v1").validated().unwrap();
        custom("http://gpu-box.local:11434/v1").validated().unwrap();
        let e = custom("http://api.example.com/v1").validated().unwrap_err();
        assert_eq!(e.field, "base_url");
        assert!(e.message.contains("https"), "{e}");
        assert_eq!(custom("").validated().unwrap_err().field, "base_url");
        assert_eq!(
            custom("ftp://x/v1").validated().unwrap_err().field,
            "base_url"
        );
        assert_eq!(
            custom("not a url").validated().unwrap_err().field,
            "base_url"
        );
    }

    #[test]
    fn credentials_are_refused_as_headers() {
        let mut s = custom("https://x.io/v1");
        s.extra_headers.push(ExtraHeader {
            name: "Authorization".into(),
            value: "Bearer sk-1".into(),
        });
        let e = s.validated().unwrap_err();
        assert_eq!(e.field, "extra_headers");
        assert!(e.message.contains("keychain"));
        let mut s = custom("https://x.io/v1");
        s.extra_headers.push(ExtraHeader {
            name: "X Title".into(),
            value: "v".into(),
        });
        assert_eq!(s.validated().unwrap_err().field, "extra_headers");
    }

    #[test]
    fn model_is_required() {
        let mut s = custom("https://x.io/v1");
        s.model = "  ".into();
        assert_eq!(s.validated().unwrap_err().field, "model");
    }
}
