//! A plan as an iCalendar file (RFC 5545): one event per item at its local time in the
//! workspace's time zone (written as UTC instants, so no VTIMEZONE is needed), with a UID made
//! from the client, the plan's start and length, and the item's position-based id — so importing
//! an updated or regenerated plan updates the events instead of duplicating them.
use chrono::{NaiveDate, NaiveTime, TimeZone};
use icalendar::{Calendar, Component, Event, EventLike};

use super::StoredPlan;
use crate::error::{ApiError, ApiResult, ErrorCode};

/// Minutes an item takes in the calendar, by type.
fn minutes(kind: &str) -> i64 {
    match kind {
        "story" => 10,
        "engagement" => 20,
        _ => 30,
    }
}

/// The event's UID: stable for the same client, start and length, whatever the plan's id.
pub fn uid(p: &StoredPlan, item_id: &str) -> String {
    format!(
        "{}-{}-{}d-{item_id}@instagrowth.os",
        p.client_id,
        p.plan.start,
        p.plan.days.len()
    )
}

pub fn plan_ics(p: &StoredPlan, time_zone: &str, client_name: &str) -> ApiResult<String> {
    let tz: chrono_tz::Tz = time_zone.parse().map_err(|_| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("unknown time zone {time_zone}"),
        )
    })?;
    let mut cal = Calendar::new();
    cal.name(&format!("{client_name}: {}", p.name));
    cal.timezone(tz.name());
    let stamp = chrono::DateTime::parse_from_rfc3339(&p.updated_at)
        .map(|d| d.with_timezone(&chrono::Utc))
        .unwrap_or_else(|_| chrono::Utc::now());
    for day in &p.plan.days {
        for item in &day.items {
            let date = NaiveDate::parse_from_str(&item.date, "%Y-%m-%d").map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("bad item date {}: {e}", item.date),
                )
            })?;
            let time = NaiveTime::parse_from_str(&item.time, "%H:%M")
                .unwrap_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
            let local = tz
                .from_local_datetime(&date.and_time(time))
                .earliest()
                .unwrap_or_else(|| tz.from_utc_datetime(&date.and_time(time)));
            let start = local.with_timezone(&chrono::Utc);
            let kind = item.kind.as_str();
            let title = match kind {
                "engagement" => format!("{client_name}: {}", item.topic),
                k => format!("{client_name}: {k} — {}", item.topic),
            };
            let mut description = Vec::new();
            if !item.hook.is_empty() {
                description.push(format!("Hook: {}", item.hook));
            }
            if !item.brief.is_empty() {
                description.push(item.brief.clone());
            }
            if !item.hashtags.is_empty() {
                description.push(item.hashtags.join(" "));
            }
            if !item.pillar.is_empty() {
                description.push(format!("Pillar: {}", item.pillar));
            }
            let mut event = Event::new();
            event
                .uid(&uid(p, &item.id))
                .summary(&title)
                .description(&description.join("\n"))
                .starts(start)
                .ends(start + chrono::Duration::minutes(minutes(kind)))
                .timestamp(stamp);
            if item.done {
                event.add_property("STATUS", "CONFIRMED");
            }
            cal.push(event.done());
        }
    }
    Ok(cal.done().to_string())
}
