//! What can go wrong planning, each with a stable code for the UI.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("plan 7, 14 or 30 days (got {0})")]
    BadDays(u32),
    #[error("posts per week must be between 1 and 14 (got {0})")]
    BadPostsPerWeek(u32),
    #[error("stories per day must be between 0 and 10 (got {0})")]
    BadStoriesPerDay(u32),
    #[error("a content pillar is empty: remove it or give it a name")]
    EmptyPillar,
    #[error("the plan would run past the last supported date")]
    DateOutOfRange,
}

impl PlanError {
    /// A stable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            PlanError::BadDays(_) => "bad_days",
            PlanError::BadPostsPerWeek(_) => "bad_posts_per_week",
            PlanError::BadStoriesPerDay(_) => "bad_stories_per_day",
            PlanError::EmptyPillar => "empty_pillar",
            PlanError::DateOutOfRange => "date_out_of_range",
        }
    }
}
