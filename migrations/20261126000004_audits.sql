-- Account audits, kept per client so a new audit can show what changed since the last one.
-- `document` is the whole audit as JSON (the typed report, its narrative, what was not assessed);
-- the columns beside it are what lists and comparisons need without parsing it.
CREATE TABLE audits (
    id                        TEXT PRIMARY KEY NOT NULL,   -- UUID v4
    client_id                 TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    created_at                TEXT NOT NULL,               -- RFC 3339 UTC
    narrative_source          TEXT NOT NULL CHECK (narrative_source IN ('offline', 'ai')),
    posts_analysed            INTEGER NOT NULL CHECK (posts_analysed >= 0),
    followers                 INTEGER,
    engagement_rate           REAL,                        -- a fraction; NULL when not assessed
    engagement_rate_by_reach  REAL,
    content_score             INTEGER NOT NULL CHECK (content_score BETWEEN 0 AND 100),
    risk_score                INTEGER NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
    risk_level                TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
    document                  TEXT NOT NULL CHECK (json_valid(document))
);

CREATE INDEX audits_client ON audits (client_id, created_at);
