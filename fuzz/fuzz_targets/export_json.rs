//! Any bytes as any file of a data-download export: the parser returns Ok or an error, never
//! panics, hangs or allocates without bound.
#![no_main]
use instagrowth_import::export::{self, Archive};
use instagrowth_import::Control;
use libfuzzer_sys::fuzz_target;

/// Where the bytes go: each file the export parser reads.
const PATHS: &[&str] = &[
    "your_instagram_activity/content/posts_1.json",
    "media/reels.json",
    "your_instagram_activity/content/stories.json",
    "your_instagram_activity/content/archived_posts.json",
    "connections/followers_and_following/followers_1.json",
    "followers_and_following/following.json",
    "personal_information/personal_information/personal_information.json",
    "your_instagram_activity/messages/inbox/thread_1/message_1.json",
    "logged_information/past_instagram_insights/posts.json",
    "logged_information/past_instagram_insights/reels.json",
    "logged_information/past_instagram_insights/stories.json",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else { return };
    let path = PATHS[selector as usize % PATHS.len()];
    // A valid posts file beside it, so insights have something to join to.
    let posts = br#"[{"media":[{"uri":"a.jpg","creation_timestamp":1700000000,"title":"x #y"}]}]"#;
    let archive = Archive::from_files([
        ("your_instagram_activity/content/posts_1.json".to_string(), posts.to_vec()),
        (path.to_string(), body.to_vec()),
    ]);
    let _ = export::parse(&archive, "fuzz", &Control::new());
});
