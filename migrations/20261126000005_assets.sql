-- Files the workspace owns, kept in the database so one backup holds everything: the agency's
-- logo for branded reports. Never secrets.
CREATE TABLE assets (
    key         TEXT PRIMARY KEY NOT NULL,              -- 'branding.logo'
    mime        TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    bytes       BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 2097152),
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
