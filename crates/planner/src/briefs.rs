//! One- or two-sentence caption briefs by post type and goal: leads end with a DM keyword call to
//! action, engagement with a question, recovery keeps to original content and five tags at most.
use crate::model::{Goal, ItemType};

/// The word a "DM us KEYWORD" call to action uses: the topic's longest word, in capitals.
pub fn keyword(topic: &str) -> String {
    let best = topic
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .fold("", |best, w| {
            if w.chars().count() > best.chars().count() {
                w
            } else {
                best
            }
        });
    if best.is_empty() {
        "INFO".to_string()
    } else {
        best.to_uppercase()
    }
}

/// The brief of a feed post about `topic`; `focus` is the roadmap week's focus (recovery).
pub fn post(kind: ItemType, goal: Goal, topic: &str, focus: Option<&str>) -> String {
    let body = match kind {
        ItemType::Reel => format!(
            "A short reel (15–30 s) on {topic}: say the hook in the first two seconds, then show one clear takeaway."
        ),
        ItemType::Carousel => format!(
            "A carousel on {topic}: the hook on the first slide, one point per slide, a summary slide last."
        ),
        _ => format!("A single image on {topic} with a caption that tells the story behind it."),
    };
    let end = match goal {
        Goal::Growth => "End by asking people to share it with a friend or save it for later.".to_string(),
        Goal::Engagement => format!("End the caption with a question: “What is your biggest question about {topic}?”"),
        Goal::Leads => format!(
            "End with a DM keyword call to action: “DM us {} and we'll send you the details.”",
            keyword(topic)
        ),
        Goal::Recovery => "Original content only (no reposts or watermarked clips), with at most 5 relevant hashtags.".to_string(),
    };
    match focus {
        Some(f) => format!("{body} {end} This week's focus: {f}."),
        None => format!("{body} {end}"),
    }
}

const STORIES: [&str; 7] = [
    "Poll: ask a two-option question about {topic}.",
    "Behind the scenes: one short clip about {topic}.",
    "Question box: invite questions about {topic} to answer tomorrow.",
    "Share a client result or review (with their permission).",
    "Quiz sticker: one quick quiz about {topic}.",
    "Point to the latest feed post with a link sticker and one line on why it matters.",
    "A day-in-the-life moment from the team.",
];

/// The brief of story `j` on day `offset`.
pub fn story(offset: u32, j: u32, topic: &str) -> String {
    STORIES[(offset + j) as usize % STORIES.len()].replace("{topic}", topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_end_their_own_way() {
        assert!(
            post(ItemType::Reel, Goal::Leads, "double cleansing", None).contains("DM us CLEANSING")
        );
        assert!(post(ItemType::Carousel, Goal::Engagement, "retinol", None).ends_with("?”"));
        assert!(post(
            ItemType::Image,
            Goal::Recovery,
            "retinol",
            Some("Fix reach")
        )
        .contains("at most 5"));
    }
}
