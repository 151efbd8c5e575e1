-- Client accounts of the agency workspace.
-- Times are RFC 3339 UTC text (sortable, readable in any SQLite tool).
CREATE TABLE clients (
    id           TEXT PRIMARY KEY NOT NULL,          -- UUID v4
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_folded  TEXT NOT NULL,                      -- lower-cased by the app (SQLite's lower() is ASCII-only), for search
    handle       TEXT NOT NULL,                      -- Instagram username, lower-case, no '@'
    niche        TEXT NOT NULL DEFAULT '',
    goals        TEXT NOT NULL DEFAULT '',
    audience     TEXT NOT NULL DEFAULT '',
    brand_voice  TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    archived_at  TEXT                                -- NULL while active
);

-- Handles are unique among all clients, archived ones included: one client per Instagram account.
CREATE UNIQUE INDEX clients_handle_unique ON clients (handle);
CREATE INDEX clients_name ON clients (name COLLATE NOCASE);

-- Free-form labels an agency uses to group clients ("retainer", "fitness", "q3-pitch").
CREATE TABLE client_tags (
    client_id  TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (client_id, tag)
) WITHOUT ROWID;

CREATE INDEX client_tags_tag ON client_tags (tag);
