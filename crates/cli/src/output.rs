//! How results are printed: one JSON document with `--json`, else aligned text for people.
use instagrowth_api::{ApiError, Client, ErrorCode};
use serde::Serialize;

pub fn json<T: Serialize>(value: &T) -> Result<(), ApiError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| ApiError::new(ErrorCode::Database, format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// With `--json` the client as one JSON document, else `line` for people.
pub fn client_or_line(as_json: bool, client: &Client, line: String) -> Result<(), ApiError> {
    if as_json {
        json(client)
    } else {
        println!("{line}");
        Ok(())
    }
}

pub fn client_table(clients: &[Client]) {
    if clients.is_empty() {
        println!("No clients.");
        return;
    }
    let handle_w = clients
        .iter()
        .map(|c| c.handle.len() + 1)
        .max()
        .unwrap_or(0)
        .max(6);
    let name_w = clients
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, 40);
    println!(
        "{:<36}  {:<handle_w$}  {:<name_w$}  NICHE / TAGS",
        "ID", "HANDLE", "NAME"
    );
    for c in clients {
        let mut extra = c.niche.clone();
        if !c.tags.is_empty() {
            if !extra.is_empty() {
                extra.push_str("  ");
            }
            extra.push_str(
                &c.tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        if c.archived {
            extra.push_str("  (archived)");
        }
        let name: String = c.name.chars().take(name_w).collect();
        println!(
            "{:<36}  {:<handle_w$}  {:<name_w$}  {}",
            c.id,
            format!("@{}", c.handle),
            name,
            extra.trim()
        );
    }
    println!(
        "{} client{}",
        clients.len(),
        if clients.len() == 1 { "" } else { "s" }
    );
}

pub fn client_detail(c: &Client) {
    let row = |label: &str, value: &str| {
        if !value.is_empty() {
            println!("{label:<12} {value}");
        }
    };
    row("Name", &c.name);
    row("Handle", &format!("@{}", c.handle));
    row("ID", &c.id);
    row("Niche", &c.niche);
    row("Goals", &c.goals);
    row("Audience", &c.audience);
    row("Brand voice", &c.brand_voice);
    row("Tags", &c.tags.join(", "));
    row("Notes", &c.notes);
    row("Created", &c.created_at);
    row("Updated", &c.updated_at);
    if let Some(at) = &c.archived_at {
        row("Archived", at);
    }
}
