//! How `instagrowth ai` prints for people: status, credits, usage tables, and progress on stderr.
use std::io::{IsTerminal, Write};

use instagrowth_api::ai::{AiEvent, AiStatus, KeyState, UsageReport};

pub fn credits_line(s: &AiStatus) -> String {
    let cap = if s.credits_allowance < s.credits_licensed {
        format!(
            " (your own allowance; the licence allows {})",
            s.credits_licensed
        )
    } else {
        " (the licence's monthly credits)".to_string()
    };
    format!(
        "{} of {} AI credits used in {}{cap}; renews on {}",
        s.credits_used, s.credits_allowance, s.month, s.credits_renew_on
    )
}

pub fn status(s: &AiStatus) {
    match &s.provider {
        Some(p) => {
            println!(
                "Provider:  {} · {}",
                s.provider_label.as_deref().unwrap_or(""),
                p.model
            );
            println!("Base URL:  {}", p.base_url);
            for h in &p.extra_headers {
                println!("Header:    {}: {}", h.name, h.value);
            }
        }
        None => println!("Provider:  none (drafts are written offline)"),
    }
    let key = match &s.key {
        KeyState::Stored { hint } => format!("stored in the OS keychain ({hint})"),
        KeyState::Missing => "missing — run `instagrowth ai set-key`".to_string(),
        KeyState::NotNeeded => "optional for this provider (none stored)".to_string(),
    };
    println!("API key:   {key}");
    if s.local {
        println!("Privacy:   local — client data stays on this machine or network");
    }
    println!("Credits:   {}", credits_line(s));
    match &s.offline_reason {
        None => println!("AI:        ready"),
        Some(r) => println!("AI:        offline — {r}"),
    }
}

/// `$0.0042` under a dollar, `$1.25` from a dollar up.
pub fn money(micro: i64) -> String {
    let usd = micro as f64 / 1_000_000.0;
    if usd < 1.0 {
        format!("${usd:.4}")
    } else {
        format!("${usd:.2}")
    }
}

pub fn usage(r: &UsageReport) {
    println!("{}", credits_line(&r.status));
    if r.months.is_empty() {
        println!("No AI calls yet.");
        return;
    }
    println!();
    println!(
        "{:<8}  {:>6}  {:>6}  {:>10}  {:>10}  {:>10}  {:>7}",
        "MONTH", "CALLS", "FAILED", "PROMPT", "COMPLETION", "COST", "CREDITS"
    );
    for m in &r.months {
        let unpriced = if m.unpriced_calls > 0 {
            format!("  ({} unpriced)", m.unpriced_calls)
        } else {
            String::new()
        };
        println!(
            "{:<8}  {:>6}  {:>6}  {:>10}  {:>10}  {:>10}  {:>7}{unpriced}",
            m.month,
            m.calls,
            m.failed_calls,
            m.prompt_tokens,
            m.completion_tokens,
            money(m.cost_micro_usd),
            m.credits
        );
    }
    if !r.clients.is_empty() {
        println!();
        println!("This month by client:");
        for c in &r.clients {
            println!(
                "  {:<30}  {:>5} calls  {:>10}  {:>5} credits",
                c.client_name.as_deref().unwrap_or("(no client)"),
                c.calls,
                money(c.cost_micro_usd),
                c.credits
            );
        }
    }
    println!();
    println!("Latest calls:");
    for c in r.recent.iter().take(10) {
        let approx = if c.tokens_estimated { "≈" } else { "" };
        println!(
            "  {}  {:<16}  {:<20}  {approx}{} tokens  {:>9}  {} ms  {}",
            c.at.get(..16).unwrap_or(&c.at).replace('T', " "),
            c.feature,
            c.model,
            c.prompt_tokens + c.completion_tokens,
            money(c.cost_micro_usd),
            c.latency_ms,
            c.outcome
        );
    }
}

/// Progress on stderr: one line rewritten in place on a terminal, plain lines otherwise.
pub fn progress(e: &AiEvent) {
    let tty = std::io::stderr().is_terminal();
    let mut err = std::io::stderr();
    match e {
        AiEvent::Text { tokens, .. } if tty => {
            let _ = write!(err, "\rreceiving… {tokens} tokens");
        }
        AiEvent::Text { .. } => {}
        AiEvent::Item { index, value, .. } => {
            let text = value.get("text").and_then(|v| v.as_str()).unwrap_or("");
            let _ = writeln!(
                err,
                "{}item {}: {text}",
                if tty { "\r" } else { "" },
                index + 1
            );
        }
        AiEvent::Retrying {
            attempt,
            wait_ms,
            reason,
        } => {
            let _ = writeln!(
                err,
                "{reason}: try {attempt} in {:.1} s",
                *wait_ms as f64 / 1000.0
            );
        }
        AiEvent::Repairing { reason } => {
            let _ = writeln!(
                err,
                "the answer was unusable ({reason}); asking the model to fix it"
            );
        }
    }
}

pub fn end_progress() {
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[2K");
    }
}
