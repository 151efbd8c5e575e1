//! What each file of the export holds, for both generations of its layout:
//! `your_instagram_activity/content/posts_1.json` (newer) and `content/…` or `media/…` (older).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Posts,
    Reels,
    Stories,
    Archived,
    Followers,
    Following,
    Profile,
    /// One page of a DM thread; the thread's folder name.
    DmThread(String),
    InsightsPosts,
    InsightsReels,
    InsightsStories,
    Other,
}

pub fn role(path: &str) -> Role {
    let parts: Vec<&str> = path.split('/').collect();
    let file = parts.last().copied().unwrap_or_default().to_lowercase();
    let parent = parts
        .len()
        .checked_sub(2)
        .map(|i| parts[i].to_lowercase())
        .unwrap_or_default();
    let numbered = |prefix: &str| {
        file.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(".json"))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };

    if parts
        .iter()
        .any(|p| p.eq_ignore_ascii_case("past_instagram_insights"))
    {
        return match file.as_str() {
            "posts.json" => Role::InsightsPosts,
            "reels.json" => Role::InsightsReels,
            "stories.json" => Role::InsightsStories,
            _ => Role::Other,
        };
    }
    if file == "archived_posts.json" {
        return Role::Archived;
    }
    if parent == "content" || parent == "media" {
        if numbered("posts_") || file == "posts.json" {
            return Role::Posts;
        }
        match file.as_str() {
            "reels.json" => return Role::Reels,
            "stories.json" => return Role::Stories,
            _ => {}
        }
    }
    if parent == "followers_and_following" {
        if numbered("followers_") || file == "followers.json" {
            return Role::Followers;
        }
        if file == "following.json" || numbered("following_") {
            return Role::Following;
        }
    }
    if file == "personal_information.json"
        && (parent == "personal_information" || parent == "account_information")
    {
        return Role::Profile;
    }
    if numbered("message_") {
        if let Some(i) = parts.iter().position(|p| *p == "inbox") {
            if i + 2 == parts.len() - 1 {
                return Role::DmThread(parts[i + 1].to_string());
            }
        }
    }
    Role::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_generations() {
        assert_eq!(
            role("your_instagram_activity/content/posts_1.json"),
            Role::Posts
        );
        assert_eq!(role("content/posts_12.json"), Role::Posts);
        assert_eq!(role("media/posts_1.json"), Role::Posts);
        assert_eq!(role("media/reels.json"), Role::Reels);
        assert_eq!(
            role("your_instagram_activity/content/stories.json"),
            Role::Stories
        );
        assert_eq!(
            role("your_instagram_activity/content/archived_posts.json"),
            Role::Archived
        );
        assert_eq!(
            role("connections/followers_and_following/followers_1.json"),
            Role::Followers
        );
        assert_eq!(
            role("followers_and_following/following.json"),
            Role::Following
        );
        assert_eq!(
            role("personal_information/personal_information/personal_information.json"),
            Role::Profile
        );
        assert_eq!(
            role("account_information/personal_information.json"),
            Role::Profile
        );
        assert_eq!(
            role("your_instagram_activity/messages/inbox/ana_123/message_1.json"),
            Role::DmThread("ana_123".into())
        );
        assert_eq!(
            role("messages/inbox/bo_9/message_2.json"),
            Role::DmThread("bo_9".into())
        );
        assert_eq!(
            role("logged_information/past_instagram_insights/posts.json"),
            Role::InsightsPosts
        );
        assert_eq!(
            role("logged_information/past_instagram_insights/stories.json"),
            Role::InsightsStories
        );
        assert_eq!(role("content/posts_x.json"), Role::Other);
        assert_eq!(role("messages/inbox/message_1.json"), Role::Other);
    }
}
