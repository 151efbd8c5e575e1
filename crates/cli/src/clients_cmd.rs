//! `instagrowth clients …`
use instagrowth_api::{
    clients, ApiError, ArchivedFilter, ClientPatch, ClientQuery, ErrorCode, NewClient, Workspace,
};

use crate::args::{ClientFields, ClientsCommand};
use crate::output;

/// Argument mistakes found without the workspace.
pub fn precheck(cmd: &ClientsCommand) -> Result<(), ApiError> {
    if let ClientsCommand::Update {
        name,
        handle,
        fields,
        clear_tags,
        ..
    } = cmd
    {
        let f = fields;
        let nothing = name.is_none()
            && handle.is_none()
            && !clear_tags
            && f.tags.is_empty()
            && [&f.niche, &f.goals, &f.audience, &f.voice, &f.notes]
                .iter()
                .all(|v| v.is_none());
        if nothing {
            return Err(invalid(
                "nothing to change: give at least one option such as --name or --tag",
            ));
        }
    }
    Ok(())
}

pub async fn run(ws: &Workspace, cmd: ClientsCommand) -> Result<(), ApiError> {
    match cmd {
        ClientsCommand::Add {
            name,
            handle,
            fields,
            json,
        } => {
            let input = new_client(name, handle, fields);
            let c = clients::add(ws, &input).await?;
            let line = format!("Added @{} ({}) — id {}", c.handle, c.name, c.id);
            output::client_or_line(json, &c, line)
        }
        ClientsCommand::List {
            search,
            tag,
            archived,
            all,
            json,
        } => {
            let query = ClientQuery {
                search,
                tag,
                archived: if all {
                    ArchivedFilter::All
                } else if archived {
                    ArchivedFilter::Archived
                } else {
                    ArchivedFilter::Active
                },
            };
            let list = clients::list(ws, &query).await?;
            if json {
                output::json(&list)
            } else {
                output::client_table(&list);
                Ok(())
            }
        }
        ClientsCommand::Show { client, json } => {
            let c = clients::show(ws, &client).await?;
            if json {
                output::json(&c)
            } else {
                output::client_detail(&c);
                Ok(())
            }
        }
        ClientsCommand::Update {
            client,
            name,
            handle,
            fields,
            clear_tags,
            json,
        } => {
            let current = clients::show(ws, &client).await?;
            let patch = patch(name, handle, fields, clear_tags, &current.tags);
            let c = clients::update(ws, &current.id, &patch).await?;
            output::client_or_line(json, &c, format!("Updated @{} ({})", c.handle, c.name))
        }
        ClientsCommand::Archive { client, json } => {
            let c = clients::archive(ws, &client).await?;
            output::client_or_line(json, &c, format!("Archived @{} ({})", c.handle, c.name))
        }
        ClientsCommand::Export { client, out, json } => {
            let done = instagrowth_api::client_export::export(ws, &client, &out).await?;
            if json {
                return output::json(&done);
            }
            println!("Wrote everything about @{} to {}", done.handle, done.path);
            for (table, rows) in &done.tables {
                println!("  {table:<20} {rows}");
            }
            Ok(())
        }
        ClientsCommand::Unarchive { client, json } => {
            let c = clients::unarchive(ws, &client).await?;
            output::client_or_line(json, &c, format!("Restored @{} ({})", c.handle, c.name))
        }
        ClientsCommand::Delete { client, yes, json } => {
            if !yes {
                let c = clients::show(ws, &client).await?;
                return Err(invalid(format!(
                    "deleting @{} removes the client and all its data for good; add --yes to confirm",
                    c.handle
                )));
            }
            let c = clients::delete(ws, &client).await?;
            output::client_or_line(json, &c, format!("Deleted @{} ({})", c.handle, c.name))
        }
    }
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// `--tag a --tag b,c` → ["a", "b", "c"]
fn split_tags(tags: &[String]) -> Vec<String> {
    tags.iter()
        .flat_map(|t| t.split(','))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn new_client(name: String, handle: String, f: ClientFields) -> NewClient {
    NewClient {
        name,
        handle,
        niche: f.niche.unwrap_or_default(),
        goals: f.goals.unwrap_or_default(),
        audience: f.audience.unwrap_or_default(),
        brand_voice: f.voice.unwrap_or_default(),
        tags: split_tags(&f.tags),
        notes: f.notes.unwrap_or_default(),
    }
}

/// `--tag` adds to the current tags; `--clear-tags` starts from none.
fn patch(
    name: Option<String>,
    handle: Option<String>,
    f: ClientFields,
    clear_tags: bool,
    current_tags: &[String],
) -> ClientPatch {
    let added = split_tags(&f.tags);
    let tags = if clear_tags || !added.is_empty() {
        let mut t: Vec<String> = if clear_tags {
            Vec::new()
        } else {
            current_tags.to_vec()
        };
        t.extend(added);
        Some(t)
    } else {
        None
    };
    ClientPatch {
        name,
        handle,
        niche: f.niche,
        goals: f.goals,
        audience: f.audience,
        brand_voice: f.voice,
        tags,
        notes: f.notes,
    }
}
