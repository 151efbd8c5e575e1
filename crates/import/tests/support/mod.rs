//! Builds Instagram data-download exports in their real structure, in both path generations.
#![allow(dead_code)]
use std::io::Write;
use std::path::Path;

use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `your_instagram_activity/content/…`, `connections/followers_and_following/…`
    Newer,
    /// `content/…` or `media/…`, `followers_and_following/…`, `account_information/…`
    Older,
}

/// Seconds since the Unix epoch, now (exports carry Unix timestamps).
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A newer-layout export of @glow.studio ("Glow Studio") with `followers` followers (`fan0`…)
/// as of a day before `now`; tests add the posts.
pub fn glow_studio(followers: usize, now: i64) -> Export {
    let names: Vec<String> = (0..followers).map(|i| format!("fan{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    Export::new(Layout::Newer)
        .profile("glow.studio", "Glow Studio", ("Username", "Name"))
        .followers(&names, now - 86_400)
}

/// Text as the export writes it: each UTF-8 byte as one Latin-1 char.
pub fn mojibake(s: &str) -> String {
    s.as_bytes().iter().map(|b| *b as char).collect()
}

pub struct Export {
    layout: Layout,
    pub wrapper: Option<String>,
    posts: Vec<Value>,
    reels: Vec<Value>,
    stories: Vec<Value>,
    archived: Vec<Value>,
    followers: Vec<Value>,
    following: Vec<Value>,
    profile: Option<Value>,
    threads: Vec<(String, Value)>,
    insights_posts: Vec<Value>,
    insights_reels: Vec<Value>,
    extra: Vec<(String, Vec<u8>)>,
}

impl Export {
    pub fn new(layout: Layout) -> Self {
        Export {
            layout,
            wrapper: None,
            posts: vec![],
            reels: vec![],
            stories: vec![],
            archived: vec![],
            followers: vec![],
            following: vec![],
            profile: None,
            threads: vec![],
            insights_posts: vec![],
            insights_reels: vec![],
            extra: vec![],
        }
    }

    fn media(uri: &str, ts: i64, caption: &str) -> Value {
        json!({"uri": uri, "creation_timestamp": ts, "title": caption, "media_metadata": {}, "cross_post_source": {"source_app": "FB"}})
    }

    /// A feed post: one uri is an image (or video), several a carousel.
    pub fn post(mut self, ts: i64, caption: &str, uris: &[&str]) -> Self {
        let media: Vec<Value> = uris.iter().map(|u| Self::media(u, ts, "")).collect();
        if uris.len() == 1 {
            // Single-media posts carry their caption on the media item.
            let mut m = Self::media(uris[0], ts, caption);
            m["title"] = json!(caption);
            self.posts.push(json!({"media": [m]}));
        } else {
            self.posts
                .push(json!({"title": caption, "creation_timestamp": ts, "media": media}));
        }
        self
    }

    pub fn reel(mut self, ts: i64, caption: &str, uri: &str) -> Self {
        self.reels
            .push(json!({"media": [Self::media(uri, ts, caption)]}));
        self
    }

    pub fn story(mut self, ts: i64, uri: &str) -> Self {
        self.stories
            .push(json!({"uri": uri, "creation_timestamp": ts, "title": ""}));
        self
    }

    pub fn archived(mut self, ts: i64, caption: &str, uri: &str) -> Self {
        self.archived
            .push(json!({"media": [Self::media(uri, ts, caption)]}));
        self
    }

    /// Followers with the username in `value`.
    pub fn followers(mut self, names: &[&str], ts: i64) -> Self {
        for n in names {
            self.followers.push(json!({"title": "", "media_list_data": [], "string_list_data": [{"href": format!("https://www.instagram.com/{n}"), "value": n, "timestamp": ts}]}));
        }
        self
    }

    /// Following with the username in `title` (as some exports do).
    pub fn following(mut self, names: &[&str], ts: i64) -> Self {
        for n in names {
            self.following.push(json!({"title": n, "string_list_data": [{"href": format!("https://www.instagram.com/_u/{n}"), "timestamp": ts}]}));
        }
        self
    }

    pub fn profile(mut self, username: &str, name: &str, labels: (&str, &str)) -> Self {
        self.profile = Some(
            json!({"profile_user": [{"media_map_data": {}, "string_map_data": {
                labels.0: {"href": "", "value": username, "timestamp": 0},
                labels.1: {"href": "", "value": name, "timestamp": 0},
                "Email": {"value": "owner@example.com"}
            }}]}),
        );
        self
    }

    /// A DM thread; messages are (sender, ms, text), written newest first as the export does.
    pub fn thread(
        mut self,
        key: &str,
        participants: &[&str],
        messages: &[(&str, i64, &str)],
    ) -> Self {
        let mut msgs: Vec<Value> = messages
            .iter()
            .map(|(s, ms, t)| json!({"sender_name": s, "timestamp_ms": ms, "content": t, "is_geoblocked_for_viewer": false}))
            .collect();
        msgs.reverse();
        let parts: Vec<Value> = participants.iter().map(|p| json!({"name": p})).collect();
        self.threads.push((key.to_string(), json!({"participants": parts, "messages": msgs, "title": participants[0], "thread_path": format!("inbox/{key}")})));
        self
    }

    /// Post insights keyed by localised labels.
    pub fn post_insights(
        mut self,
        uri: &str,
        ts: i64,
        caption: &str,
        values: &[(&str, &str)],
    ) -> Self {
        let mut map = serde_json::Map::new();
        for (label, value) in values {
            map.insert(label.to_string(), json!({"value": value}));
        }
        self.insights_posts.push(json!({
            "media_map_data": {"Media Thumbnail": {"uri": uri, "creation_timestamp": ts, "title": caption}},
            "string_map_data": map
        }));
        self
    }

    /// Reel insights: joined by the upload timestamp.
    pub fn reel_insights(mut self, ts: i64, values: &[(&str, &str)]) -> Self {
        let mut map = serde_json::Map::new();
        map.insert("Upload Timestamp".into(), json!({"timestamp": ts}));
        for (label, value) in values {
            map.insert(label.to_string(), json!({"value": value}));
        }
        self.insights_reels.push(json!({"string_map_data": map}));
        self
    }

    pub fn file(mut self, path: &str, bytes: &[u8]) -> Self {
        self.extra.push((path.to_string(), bytes.to_vec()));
        self
    }

    pub fn wrapped(mut self, folder: &str) -> Self {
        self.wrapper = Some(folder.to_string());
        self
    }

    /// Every file of the export: (path, bytes).
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let (content, connections, profile, messages) = match self.layout {
            Layout::Newer => (
                "your_instagram_activity/content",
                "connections/followers_and_following",
                "personal_information/personal_information/personal_information.json",
                "your_instagram_activity/messages/inbox",
            ),
            Layout::Older => (
                "media",
                "followers_and_following",
                "account_information/personal_information.json",
                "messages/inbox",
            ),
        };
        let mut out: Vec<(String, Value)> = Vec::new();
        if !self.posts.is_empty() {
            out.push((format!("{content}/posts_1.json"), json!(self.posts)));
        }
        if !self.reels.is_empty() {
            out.push((
                format!("{content}/reels.json"),
                json!({"ig_reels_media": self.reels}),
            ));
        }
        if !self.stories.is_empty() {
            out.push((
                format!("{content}/stories.json"),
                json!({"ig_stories": self.stories}),
            ));
        }
        if !self.archived.is_empty() {
            out.push((
                format!("{content}/archived_posts.json"),
                json!({"ig_archived_post_media": self.archived}),
            ));
        }
        if !self.followers.is_empty() {
            out.push((
                format!("{connections}/followers_1.json"),
                json!(self.followers),
            ));
        }
        if !self.following.is_empty() {
            out.push((
                format!("{connections}/following.json"),
                json!({"relationships_following": self.following}),
            ));
        }
        if let Some(p) = &self.profile {
            out.push((profile.to_string(), p.clone()));
        }
        for (key, t) in &self.threads {
            out.push((format!("{messages}/{key}/message_1.json"), t.clone()));
        }
        if !self.insights_posts.is_empty() {
            out.push((
                "logged_information/past_instagram_insights/posts.json".into(),
                json!({"organic_insights_posts": self.insights_posts}),
            ));
        }
        if !self.insights_reels.is_empty() {
            out.push((
                "logged_information/past_instagram_insights/reels.json".into(),
                json!({"organic_insights_reels": self.insights_reels}),
            ));
        }
        let mut files: Vec<(String, Vec<u8>)> = out
            .into_iter()
            .map(|(p, v)| (p, serde_json::to_vec_pretty(&v).unwrap()))
            .collect();
        files.extend(self.extra.iter().cloned());
        // Media files travel with the JSON in a real download.
        files.push((
            "media/posts/202603/photo.jpg".into(),
            vec![0xFF, 0xD8, 0xFF],
        ));
        match &self.wrapper {
            Some(w) => files
                .into_iter()
                .map(|(p, b)| (format!("{w}/{p}"), b))
                .collect(),
            None => files,
        }
    }

    pub fn write_dir(&self, root: &Path) {
        for (p, b) in self.files() {
            let path = root.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, b).unwrap();
        }
    }

    pub fn write_zip(&self, path: &Path) {
        write_zip(path, &self.files());
    }

    /// Splits the export over `n` part-zips, as large downloads arrive.
    pub fn write_parts(&self, dir: &Path, n: usize) -> Vec<std::path::PathBuf> {
        let files = self.files();
        let mut paths = Vec::new();
        for i in 0..n {
            let part: Vec<(String, Vec<u8>)> = files
                .iter()
                .enumerate()
                .filter(|(j, _)| j % n == i)
                .map(|(_, f)| f.clone())
                .collect();
            let p = dir.join(format!("instagram-part-{}.zip", i + 1));
            write_zip(&p, &part);
            paths.push(p);
        }
        paths
    }
}

pub fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A zip whose one entry `name` is `[0,0,0,…]`, about `bytes` long, written in 1 MiB pieces so
/// neither the test nor the writer holds it whole. It compresses about a thousandfold: the
/// shape of a small zip that takes all the memory.
pub fn write_zeros_zip(path: &Path, name: &str, bytes: usize) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(bytes > u32::MAX as usize);
    zip.start_file(name, opts).unwrap();
    zip.write_all(b"[0").unwrap();
    let chunk = b",0".repeat(1 << 19);
    let mut written = 2;
    while written + chunk.len() < bytes {
        zip.write_all(&chunk).unwrap();
        written += chunk.len();
    }
    zip.write_all(b"]").unwrap();
    zip.finish().unwrap();
}
