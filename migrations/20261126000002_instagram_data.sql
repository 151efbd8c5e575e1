-- Instagram data brought in by imports (export zip/folder, Business Suite CSV, typed by hand).
-- Times are RFC 3339 UTC text, formatted by the app the same way so they sort as text.
-- Lists (hashtags, mentions, participants, file names, warnings) are JSON arrays of strings.

-- One import run for a client: what was read, from where, and what it changed.
-- Created first in the import's transaction so rows can point at the batch that wrote them.
CREATE TABLE import_batches (
    id                  TEXT PRIMARY KEY NOT NULL,   -- UUID v4
    client_id           TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    source              TEXT NOT NULL CHECK (source IN ('ig_export', 'business_suite_csv', 'manual')),
    file_names          TEXT NOT NULL DEFAULT '[]',  -- JSON array, names only (no paths)
    sha256              TEXT NOT NULL,               -- of the input files, to spot a repeat import
    started_at          TEXT NOT NULL,
    finished_at         TEXT NOT NULL,
    posts_added         INTEGER NOT NULL DEFAULT 0,
    posts_updated       INTEGER NOT NULL DEFAULT 0,
    with_insights       INTEGER NOT NULL DEFAULT 0,  -- posts in the import with any metric
    dm_threads          INTEGER NOT NULL DEFAULT 0,  -- threads added or given new messages
    follower_snapshots  INTEGER NOT NULL DEFAULT 0,  -- snapshots added or changed
    skipped             INTEGER NOT NULL DEFAULT 0,
    warnings            TEXT NOT NULL DEFAULT '[]',  -- JSON array
    first_post_at       TEXT,                        -- over the import's posts; NULL without posts
    last_post_at        TEXT
);

CREATE INDEX import_batches_client_finished ON import_batches (client_id, finished_at);

-- Posts, carousels, reels and stories of a client, one row per post whichever sources saw it.
-- Metrics are NULL when no source said (never 0 for "unknown").
CREATE TABLE posts (
    id              TEXT PRIMARY KEY NOT NULL,       -- UUID v4
    client_id       TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    source          TEXT NOT NULL CHECK (source IN ('ig_export', 'business_suite_csv', 'manual')),
    source_key      TEXT NOT NULL,                   -- stable within the source that first saw it
    kind            TEXT NOT NULL CHECK (kind IN ('image', 'carousel', 'reel', 'story')),
    published_at    TEXT NOT NULL,
    caption         TEXT NOT NULL DEFAULT '',
    hashtags        TEXT NOT NULL DEFAULT '[]',      -- JSON array
    mentions        TEXT NOT NULL DEFAULT '[]',      -- JSON array
    media_count     INTEGER NOT NULL DEFAULT 1,
    duration_secs   REAL,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    views           INTEGER,
    reach           INTEGER,
    impressions     INTEGER,
    plays           INTEGER,
    likes           INTEGER,
    comments        INTEGER,
    saves           INTEGER,
    shares          INTEGER,
    follows         INTEGER,
    profile_visits  INTEGER,
    first_batch_id  TEXT REFERENCES import_batches (id) ON DELETE SET NULL,
    last_batch_id   TEXT REFERENCES import_batches (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (client_id, source_key)
);

CREATE INDEX posts_client_published ON posts (client_id, published_at);
CREATE INDEX posts_first_batch ON posts (first_batch_id);
CREATE INDEX posts_last_batch ON posts (last_batch_id);

-- Followers and following of a client on a date, as one source reported them.
CREATE TABLE follower_snapshots (
    client_id  TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,                        -- YYYY-MM-DD
    source     TEXT NOT NULL CHECK (source IN ('ig_export', 'business_suite_csv', 'manual')),
    followers  INTEGER,
    following  INTEGER,
    batch_id   TEXT REFERENCES import_batches (id) ON DELETE SET NULL,
    PRIMARY KEY (client_id, date, source)
);

CREATE INDEX follower_snapshots_batch ON follower_snapshots (batch_id);

-- Direct-message conversations of a client's account. last_* mirror the newest message so
-- "awaiting reply" (the other person spoke last) needs no scan of the messages.
CREATE TABLE dm_threads (
    id                TEXT PRIMARY KEY NOT NULL,     -- UUID v4
    client_id         TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    thread_key        TEXT NOT NULL,                 -- the export's folder name, stable across exports
    title             TEXT NOT NULL DEFAULT '',
    participants      TEXT NOT NULL DEFAULT '[]',    -- JSON array
    last_message_at   TEXT,                          -- NULL while the thread has no message
    last_from_client  INTEGER CHECK (last_from_client IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (client_id, thread_key)
);

-- The messages of a thread. The UNIQUE key makes a re-import of the same export add nothing.
CREATE TABLE dm_messages (
    thread_id    TEXT NOT NULL REFERENCES dm_threads (id) ON DELETE CASCADE,
    sender       TEXT NOT NULL,
    sent_at      TEXT NOT NULL,                      -- RFC 3339 UTC with milliseconds
    text         TEXT NOT NULL DEFAULT '',
    from_client  INTEGER NOT NULL CHECK (from_client IN (0, 1)),
    UNIQUE (thread_id, sent_at, sender, text)
);

-- Workspace settings shared by the app and the CLI (e.g. `time_zone`, an IANA name).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) WITHOUT ROWID;
