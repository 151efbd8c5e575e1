//! The account itself (profile) and its DM threads (followers and following are in `accounts`).
use std::collections::BTreeMap;

use instagrowth_model::{DmMessage, DmThread};
use serde_json::Value;

use super::json;
use crate::error::ImportResult;
use crate::labels::normalise;
use crate::text::repair_mojibake;

/// The username and display name from `personal_information.json`.
#[derive(Debug, Default, Clone)]
pub struct Profile {
    pub username: Option<String>,
    pub name: Option<String>,
}

const USERNAME: &[&str] = &[
    "username",
    "benutzername",
    "nombre de usuario",
    "nom d utilisateur",
    "nome de usuário",
    "nome utente",
    "nome de utilizador",
];
const NAME: &[&str] = &["name", "nombre", "nom", "nome"];

pub fn profile(file: &str, v: &Value) -> ImportResult<Profile> {
    let users = json::array(file, v, "profile_user")?;
    let mut p = Profile::default();
    let Some(map) = users
        .first()
        .and_then(|u| u.get("string_map_data"))
        .and_then(Value::as_object)
    else {
        return Ok(p);
    };
    for (label, cell) in map {
        let n = normalise(&repair_mojibake(label));
        let value = json::text(cell, "value").filter(|s| !s.trim().is_empty());
        if USERNAME.contains(&n.as_str()) {
            p.username = value.map(|u| u.trim().trim_start_matches('@').to_lowercase());
        } else if NAME.contains(&n.as_str()) {
            p.name = value;
        }
    }
    Ok(p)
}

/// Adds one page (`message_N.json`) of a thread to `threads`.
pub fn dm_page(
    file: &str,
    key: &str,
    v: &Value,
    threads: &mut BTreeMap<String, DmThread>,
) -> ImportResult<()> {
    let messages = json::array(file, v, "messages")?;
    let thread = threads.entry(key.to_string()).or_insert_with(|| DmThread {
        thread_key: key.to_string(),
        title: String::new(),
        participants: Vec::new(),
        messages: Vec::new(),
    });
    if thread.title.is_empty() {
        thread.title = json::text(v, "title").unwrap_or_default();
    }
    for p in v
        .get("participants")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(name) = json::text(p, "name") {
            if !thread.participants.contains(&name) {
                thread.participants.push(name);
            }
        }
    }
    for m in messages {
        let (Some(sender), Some(sent_at_ms)) = (
            json::text(m, "sender_name"),
            json::seconds(m, "timestamp_ms"),
        ) else {
            continue;
        };
        let text = json::text(m, "content").unwrap_or_else(|| {
            let attachment = ["photos", "videos", "audio_files", "share", "files"]
                .iter()
                .any(|k| m.get(k).is_some());
            if attachment {
                "(attachment)".into()
            } else {
                String::new()
            }
        });
        thread.messages.push(DmMessage {
            sender,
            sent_at_ms,
            text,
            from_client: false,
        });
    }
    Ok(())
}

/// Sorts each thread oldest first and marks the messages the account itself sent.
pub fn finish_threads(threads: BTreeMap<String, DmThread>, profile: &Profile) -> Vec<DmThread> {
    let own: Vec<String> = [profile.name.clone(), profile.username.clone()]
        .into_iter()
        .flatten()
        .map(|s| s.to_lowercase())
        .collect();
    threads
        .into_values()
        .map(|mut t| {
            t.messages.sort_by_key(|m| m.sent_at_ms);
            t.messages.dedup_by(|a, b| {
                a.sent_at_ms == b.sent_at_ms && a.sender == b.sender && a.text == b.text
            });
            for m in &mut t.messages {
                m.from_client = own.contains(&m.sender.to_lowercase());
            }
            t
        })
        .filter(|t| !t.messages.is_empty())
        .collect()
}
