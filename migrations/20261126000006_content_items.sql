-- The content library: ideas, hooks, captions and hashtag sets saved for a client, to edit, tag,
-- favourite and mark as used. `item` is the typed item as JSON; `text` is its main text (the hook,
-- the caption, the reel title and concept, the tags), folded to lower case for search.
CREATE TABLE content_items (
    id           TEXT PRIMARY KEY NOT NULL,                -- UUID v4
    client_id    TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('reels', 'hooks', 'captions', 'hashtags')),
    source       TEXT NOT NULL CHECK (source IN ('offline', 'ai', 'manual')),
    topic        TEXT NOT NULL DEFAULT '',
    item         TEXT NOT NULL CHECK (json_valid(item)),
    text         TEXT NOT NULL,                            -- the main text, for "used" matching
    text_folded  TEXT NOT NULL,                            -- lower-cased by the app, for search
    tags         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    favourite    INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    used_on      TEXT,                                     -- YYYY-MM-DD when it was used; NULL while unused
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX content_items_client ON content_items (client_id, kind, created_at);
