//! The daily engagement task. Every other post day replies to the post's comments; other days
//! rotate through the rest of the list; a recovery plan with an audit puts the
//! roadmap week's actions first, one a day.
use instagrowth_audit::Audit;

/// (topic, what to do). `{tag}` is a hashtag of the day's post or the niche.
const TASKS: [(&str, &str); 7] = [
    ("Comment replies", "Reply to every comment within an hour of posting, with a real answer rather than an emoji."),
    ("Niche outreach", "Engage with 10 accounts in the niche: a thoughtful comment on a recent post of each."),
    ("DMs", "Answer every DM and message request, and move open questions towards a next step."),
    ("Customer stories", "Reshare a customer's story or post about the client (with their permission) and thank them."),
    ("Hashtag comments", "Comment on 5 recent posts under {tag}, adding something useful to each."),
    ("Story replies", "Reply to yesterday's story replies, poll votes and quiz answers."),
    ("Follow-ups", "Go back to last week's posts and answer any comment still open."),
];

/// One engagement task.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub topic: String,
    pub brief: String,
}

/// The task on day `offset`; `post_day` counts the plan's post days so far when this day has a
/// post (every other one replies to its comments, the rest rotate through the others); `tag` is a
/// hashtag to comment under (with `#`).
pub fn task(offset: u32, post_day: Option<u32>, tag: &str, roadmap: Option<&Task>) -> Task {
    if let Some(t) = roadmap {
        return t.clone();
    }
    let (topic, brief) = match post_day {
        Some(n) if n % 2 == 0 => TASKS[0],
        _ => TASKS[1 + offset as usize % (TASKS.len() - 1)],
    };
    let tag = if tag.is_empty() {
        "a niche hashtag"
    } else {
        tag
    };
    Task {
        topic: topic.to_string(),
        brief: brief.replace("{tag}", tag),
    }
}

/// The roadmap week (0-based plan week `week`) as its focus and one task per action, highest
/// priority first; empty past the roadmap's last week.
pub fn roadmap_week(audit: &Audit, week: u32) -> (Option<String>, Vec<Task>) {
    let Some(w) = audit.roadmap.weeks.get(week as usize) else {
        return (None, Vec::new());
    };
    let tasks = w
        .actions
        .iter()
        .take(7)
        .map(|a| Task {
            topic: format!("Roadmap week {}: {}", w.week, w.focus),
            brief: a.text.clone(),
        })
        .collect();
    (Some(w.focus.clone()), tasks)
}
