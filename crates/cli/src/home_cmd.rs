//! `instagrowth home [--today YYYY-MM-DD]`: which clients need attention today and which plan
//! items are due (`instagrowth_api::home`).
use instagrowth_api::home::{self, AttentionSeverity, HomeOverview};
use instagrowth_api::{ApiError, Workspace};

use crate::output;

/// A bad `--today` is refused before the workspace opens.
pub fn precheck(today: Option<&str>) -> Result<(), ApiError> {
    if let Some(raw) = today {
        home::parse_today(raw)?;
    }
    Ok(())
}

pub async fn run(ws: &Workspace, today: Option<String>, json: bool) -> Result<(), ApiError> {
    let o = home::overview_on(ws, today.as_deref()).await?;
    if json {
        return output::json(&o);
    }
    print(&o);
    Ok(())
}

fn print(o: &HomeOverview) {
    if o.active_clients == 0 {
        println!("No clients yet. Add one: instagrowth clients add --name NAME --handle HANDLE");
        return;
    }
    if o.clients.is_empty() && o.due_today.is_empty() {
        println!(
            "All clients are on track — nothing due today ({}).",
            o.today
        );
        return;
    }
    println!(
        "Today, {}: {} of {} active clients need attention.",
        o.today,
        o.clients.len(),
        o.active_clients
    );
    if !o.clients.is_empty() {
        println!();
        println!("NEEDS ATTENTION");
        let name_w = o
            .clients
            .iter()
            .map(|c| format!("{} (@{})", c.name, c.handle).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(6, 48);
        for c in &o.clients {
            let who = format!("{} (@{})", c.name, c.handle);
            for (i, r) in c.reasons.iter().enumerate() {
                let label = if i == 0 { who.as_str() } else { "" };
                let sev = match r.severity {
                    AttentionSeverity::High => "HIGH  ",
                    AttentionSeverity::Medium => "medium",
                };
                println!("  {label:<name_w$}  {sev}  {}", r.message);
            }
        }
    }
    if !o.due_today.is_empty() {
        println!();
        println!("DUE TODAY");
        let name_w = o
            .due_today
            .iter()
            .map(|d| d.client_name.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(6, 40);
        for d in &o.due_today {
            println!(
                "  {:<5}  {:<name_w$}  {:<10}  {}",
                d.time.as_deref().unwrap_or("—"),
                d.client_name,
                d.kind.as_str(),
                d.title
            );
        }
    }
}
