//! What the user should know about how a plan was made: the clock, where times, formats and
//! pillars came from, pro-rated weeks and whether a recovery plan follows the audit's roadmap.
use chrono::Datelike;

use crate::model::{Goal, ItemType, PlanInput, PlanRequest};

pub struct Facts<'a> {
    pub input: &'a PlanInput<'a>,
    pub req: &'a PlanRequest,
    /// The audit gave best-time data.
    pub has_times: bool,
    /// Some post went out at a default time.
    pub defaults_used: bool,
    pub best_format: Option<ItemType>,
    /// `request`, `client`, `niche` or `fallback`.
    pub pillar_source: &'a str,
    pub follows_roadmap: bool,
}

const DEFAULT_TIMES: &str = "default times (weekdays 09:00, 12:00 or 18:00, weekends 10:00)";

pub fn notes(f: &Facts) -> Vec<String> {
    let mut notes = Vec::new();
    let zone = match f.input.time_zone.trim() {
        "" => "the workspace's time zone",
        z => z,
    };
    notes.push(format!("Times are local clock times in {zone}."));
    notes.push(match (f.input.audit.is_some(), f.has_times) {
        (false, _) => format!("No audit yet: posts go out at {DEFAULT_TIMES} and targets cover posting cadence only. Run an audit for best times and growth targets."),
        (true, false) => format!("The audit has no best-time data, so posts go out at {DEFAULT_TIMES}; note which do best."),
        (true, true) if f.defaults_used => "Posts go out at the audit's best times; weekdays without data use default times.".to_string(),
        (true, true) => "Posts go out at the audit's best times.".to_string(),
    });
    notes.push(match f.best_format {
        Some(best) => format!(
            "Formats follow the audit: {}s do best, so they come most often.",
            best.as_str()
        ),
        None => "Formats follow a mix for the goal; an audit with format results will tune it."
            .to_string(),
    });
    notes.push(match f.pillar_source {
        "request" => "Pillars rotate as requested.",
        "client" => "Pillars rotate through the client's pillars.",
        "niche" => "The client has no pillars yet, so the plan rotates through the niche's pillars from the content library.",
        _ => "No pillars and no library niche for this client, so the plan uses general pillars; set the client's niche or pillars for sharper topics.",
    }.to_string());
    if !f.req.days.is_multiple_of(7) || f.req.start.weekday() != chrono::Weekday::Mon {
        notes.push(
            "Weeks that the plan covers only in part get a pro-rated share of the weekly posts."
                .to_string(),
        );
    }
    match (f.req.goal, f.follows_roadmap) {
        (Goal::Recovery, true) => notes.push("This plan follows the audit's 30-day roadmap: each week's focus goes into the post briefs and its actions become that week's engagement tasks.".to_string()),
        (Goal::Recovery, false) => notes.push("Run an audit so a recovery plan can follow its 30-day roadmap.".to_string()),
        _ => {}
    }
    notes
}
