-- The reply assistant. Nothing here is ever sent: people copy a draft and send it from Instagram.

-- The queue: comments and DMs to answer, each triaged and drafted. `source_key` makes re-adding
-- the same message a no-op: for a DM thread it is the thread's id (a thread is one entry, its text
-- the messages awaiting a reply); for pasted and CSV messages it is author, time, post and text.
CREATE TABLE reply_messages (
    id           TEXT PRIMARY KEY NOT NULL,                -- UUID v4
    client_id    TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    source       TEXT NOT NULL CHECK (source IN ('pasted', 'csv', 'dm')),
    source_key   TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('comment', 'dm')),
    author       TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    received_at  TEXT,                                     -- RFC 3339 UTC when the input said
    post         TEXT,
    thread_id    TEXT REFERENCES dm_threads (id) ON DELETE SET NULL,
    intent       TEXT NOT NULL,
    lead_score   INTEGER NOT NULL CHECK (lead_score BETWEEN 0 AND 100),
    priority     INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 100),
    triage       TEXT NOT NULL CHECK (json_valid(triage)),  -- the whole triage: reasons, evidence
    drafts       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(drafts)),
    drafted_by   TEXT NOT NULL CHECK (drafted_by IN ('offline', 'ai')),
    handled_at   TEXT,                                     -- NULL while waiting for a reply
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (client_id, source_key)
);

CREATE INDEX reply_messages_queue ON reply_messages (client_id, handled_at, priority);

-- A client's rules for replies (the brand voice itself is on the client).
CREATE TABLE reply_rules (
    client_id     TEXT PRIMARY KEY NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    avoid_words   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(avoid_words)),
    sign_off      TEXT NOT NULL DEFAULT '',
    emoji         TEXT NOT NULL DEFAULT 'light' CHECK (emoji IN ('none', 'light', 'playful')),
    booking_link  TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
) WITHOUT ROWID;

-- Saved replies: templates with variables such as {first_name}, for one client or (client_id
-- NULL) for every client of the agency.
CREATE TABLE saved_replies (
    id          TEXT PRIMARY KEY NOT NULL,                 -- UUID v4
    client_id   TEXT REFERENCES clients (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    body        TEXT NOT NULL,
    intent      TEXT,                                      -- suggested for this intent; NULL: any
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX saved_replies_client ON saved_replies (client_id, name);
