//! `customers list` and `releases add|list`.
use serde_json::json;

use super::args::{CustomersCommand, ReleasesCommand};
use super::print_json;
use crate::db::Db;
use crate::error::ServerError;
use crate::queries::{customers, releases};
use crate::time;

pub async fn customers(db_url: &str, cmd: CustomersCommand) -> Result<(), ServerError> {
    let db = Db::open(db_url).await?;
    let mut conn = db.pool().acquire().await?;
    let CustomersCommand::List { json } = cmd;
    let rows = customers::list(&mut conn).await?;
    if json {
        print_json(&rows);
    } else if rows.is_empty() {
        println!("No customers yet.");
    } else {
        println!("{:<36}  {:<20}  {:<20}  EMAIL", "ID", "STRIPE", "SINCE");
        for c in rows {
            println!(
                "{:<36}  {:<20}  {:<20}  {}",
                c.id,
                c.stripe_customer_id.as_deref().unwrap_or("-"),
                time::rfc3339(c.created_at),
                c.email.as_deref().unwrap_or("-")
            );
        }
    }
    drop(conn);
    db.close().await;
    Ok(())
}

pub async fn releases(db_url: &str, cmd: ReleasesCommand) -> Result<(), ServerError> {
    match cmd {
        ReleasesCommand::Add {
            channel,
            version,
            target,
            arch,
            bundle,
            url,
            signature,
            notes,
            pub_date,
        } => {
            let version = semver::Version::parse(version.trim_start_matches('v')).map_err(|e| {
                ServerError::Invalid(format!("“{version}” is not a semver version: {e}"))
            })?;
            let parsed = url::Url::parse(&url)
                .map_err(|e| ServerError::Invalid(format!("“{url}” is not a URL: {e}")))?;
            if !matches!(parsed.scheme(), "https" | "http") {
                return Err(ServerError::Invalid(format!(
                    "“{url}” must be an http(s) URL"
                )));
            }
            let signature = read_signature(&signature)?;
            let pub_date = match pub_date {
                Some(d) => chrono::DateTime::parse_from_rfc3339(&d)
                    .map(|t| instagrowth_license::format_time(t.with_timezone(&chrono::Utc)))
                    .map_err(|e| {
                        ServerError::Invalid(format!("“{d}” is not an RFC 3339 time: {e}"))
                    })?,
                None => time::rfc3339(time::now()),
            };
            let db = Db::open(db_url).await?;
            let mut conn = db.pool().acquire().await?;
            let r = releases::Release {
                id: uuid::Uuid::new_v4().to_string(),
                channel,
                version: version.to_string(),
                target,
                arch,
                bundle: bundle.unwrap_or_default(),
                url,
                signature,
                notes,
                pub_date,
                created_at: time::now(),
            };
            let what = format!(
                "{} {} for {}-{}{}",
                r.channel,
                r.version,
                r.target,
                r.arch,
                if r.bundle.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.bundle)
                }
            );
            if !releases::insert(&mut conn, &r).await? {
                return Err(ServerError::Invalid(format!("{what} is already published")));
            }
            println!("Published {what}");
            drop(conn);
            db.close().await;
        }
        ReleasesCommand::List { json } => {
            let db = Db::open(db_url).await?;
            let mut conn = db.pool().acquire().await?;
            let rows = releases::list(&mut conn).await?;
            if json {
                print_json(&json!(rows));
            } else if rows.is_empty() {
                println!("No releases yet.");
            } else {
                for r in rows {
                    println!(
                        "{:<7} {:<12} {}-{:<8} {:<8} {}  {}",
                        r.channel,
                        r.version,
                        r.target,
                        r.arch,
                        if r.bundle.is_empty() {
                            "any"
                        } else {
                            &r.bundle
                        },
                        r.pub_date,
                        r.url
                    );
                }
            }
            drop(conn);
            db.close().await;
        }
    }
    Ok(())
}

/// The updater signature: the contents of a `.sig` file when the argument names one, else the
/// argument itself.
fn read_signature(arg: &str) -> Result<String, ServerError> {
    let path = std::path::Path::new(arg);
    let text = if path.is_file() {
        std::fs::read_to_string(path)?
    } else {
        arg.to_string()
    };
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(ServerError::Invalid("the signature is empty".into()));
    }
    Ok(text)
}
