//! `instagrowth ai …`: the provider settings the app uses, the key in the OS keychain (read from
//! stdin, never from the command line), a connection test, usage, and a streamed sample.
use std::io::{IsTerminal, Read, Write};

use instagrowth_api::ai::{self, AiEvent, AiStatus, KeyState};
use instagrowth_api::{ApiError, ErrorCode, Workspace};

use crate::ai_output;
use crate::args::{AiCommand, PresetArg};
use crate::output;

/// Refuses what can be refused before the workspace is opened.
pub fn precheck(cmd: &AiCommand) -> Result<(), ApiError> {
    match cmd {
        AiCommand::Allowance { credits: Some(c) } if *c < 0 => Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "the allowance is a number of credits, 0 or more".into(),
            field: Some("credits_allowance".into()),
        }),
        AiCommand::Configure {
            preset: PresetArg::Custom,
            base_url: None,
            ..
        } => Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "a custom provider needs --base-url (e.g. https://my-proxy.example.com/v1)"
                .into(),
            field: Some("base_url".into()),
        }),
        _ => Ok(()),
    }
}

/// The key from stdin: piped (`pass show openai | instagrowth ai set-key`), or typed at a
/// prompt without echo.
pub fn read_key() -> Result<String, ApiError> {
    let key = if std::io::stdin().is_terminal() {
        eprint!("Paste the API key (not shown) and press Enter: ");
        let _ = std::io::stderr().flush();
        rpassword::read_password().map_err(|e| invalid(format!("cannot read the key: {e}")))?
    } else {
        let mut buf = String::new();
        std::io::stdin()
            .take(4096)
            .read_to_string(&mut buf)
            .map_err(|e| invalid(format!("cannot read the key from stdin: {e}")))?;
        buf
    };
    let key = key.trim().to_string();
    if key.is_empty() {
        return Err(invalid(
            "no key on stdin: pipe it in (e.g. `pass show openai | instagrowth ai set-key`) or type it at the prompt".into(),
        ));
    }
    Ok(key)
}

fn invalid(message: String) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message,
        field: Some("api_key".into()),
    }
}

fn preset(p: PresetArg) -> instagrowth_ai::Preset {
    use instagrowth_ai::Preset;
    match p {
        PresetArg::Openai => Preset::OpenAi,
        PresetArg::Openrouter => Preset::OpenRouter,
        PresetArg::Ollama => Preset::Ollama,
        PresetArg::Lmstudio => Preset::LmStudio,
        PresetArg::Custom => Preset::Custom,
    }
}

pub async fn run(ws: &Workspace, cmd: AiCommand, key: Option<String>) -> Result<(), ApiError> {
    match cmd {
        AiCommand::Configure {
            preset: p,
            base_url,
            model,
            json,
        } => {
            let status = ai::configure_preset(ws, preset(p), base_url, model).await?;
            status_out(&status, json)?;
            if !json && status.key == KeyState::Missing {
                eprintln!("next: store the key with `instagrowth ai set-key` (it goes to the OS keychain)");
            }
            Ok(())
        }
        AiCommand::Status { json } => status_out(&ai::status(ws).await?, json),
        AiCommand::Test { json } => {
            let t = ai::test_connection(ws).await?;
            if json {
                output::json(&t)
            } else {
                println!("Connected: {} answered in {} ms", t.model, t.latency_ms);
                Ok(())
            }
        }
        AiCommand::SetKey => {
            let status = ai::set_key(ws, &key.unwrap_or_default()).await?;
            if let KeyState::Stored { hint } = &status.key {
                println!("Key stored in the OS keychain ({hint})");
            }
            Ok(())
        }
        AiCommand::RemoveKey => {
            ai::remove_key(ws).await?;
            println!("Key removed from the OS keychain");
            Ok(())
        }
        AiCommand::Models { json } => {
            let status = ai::status(ws).await?;
            let Some(settings) = status.provider else {
                return Err(instagrowth_ai::AiError::NotConfigured.into());
            };
            let models = ai::list_models(ws, &settings).await?;
            if json {
                return output::json(&models);
            }
            if models.is_empty() {
                println!("The provider lists no models.");
            }
            for m in models {
                let mark = if m == settings.model {
                    "  (in use)"
                } else {
                    ""
                };
                println!("{m}{mark}");
            }
            Ok(())
        }
        AiCommand::Allowance { credits } => {
            let status = match credits {
                Some(c) => ai::set_allowance(ws, c).await?,
                None => ai::status(ws).await?,
            };
            println!("{}", ai_output::credits_line(&status));
            Ok(())
        }
        AiCommand::Disable => {
            ai::disable(ws).await?;
            println!("AI provider off: everything is drafted offline");
            Ok(())
        }
        AiCommand::Usage { client, json } => {
            let report = ai::usage(ws, client.as_deref()).await?;
            if json {
                output::json(&report)
            } else {
                ai_output::usage(&report);
                Ok(())
            }
        }
        AiCommand::Sample { client, json } => sample(ws, client, json).await,
    }
}

fn status_out(status: &AiStatus, json: bool) -> Result<(), ApiError> {
    if json {
        output::json(status)
    } else {
        ai_output::status(status);
        Ok(())
    }
}

async fn sample(ws: &Workspace, client: Option<String>, json: bool) -> Result<(), ApiError> {
    let cancel = instagrowth_ai::CancellationToken::new();
    let on_ctrl_c = cancel.clone();
    let watcher = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.cancel();
        }
    });
    let progress = |e: AiEvent| ai_output::progress(&e);
    let result = ai::sample_hooks(ws, client.as_deref(), &cancel, &progress).await;
    watcher.abort();
    ai_output::end_progress();
    let result = result?;
    if json {
        return output::json(&result);
    }
    match (&result.hooks, &result.offline_reason) {
        (Some(hooks), _) => {
            for h in hooks {
                println!("{}  [{}]", h.text, h.formula);
            }
            if let Some(model) = &result.model {
                eprintln!("by {model} in {} ms", result.latency_ms);
            }
        }
        (None, Some(reason)) => println!("Offline: {reason}"),
        (None, None) => {}
    }
    Ok(())
}
