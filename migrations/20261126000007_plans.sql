-- Growth plans per client: the request they were made from and the plan document (days and their
-- items) as JSON; edits (moving an item, marking it done) rewrite the document in one statement.
-- Item ids inside a plan are stable, so calendar exports keep their UIDs.
CREATE TABLE plans (
    id          TEXT PRIMARY KEY NOT NULL,                 -- UUID v4
    client_id   TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('offline', 'ai')),
    active      INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    start_date  TEXT NOT NULL,                             -- YYYY-MM-DD
    days        INTEGER NOT NULL CHECK (days IN (7, 14, 30)),
    request     TEXT NOT NULL CHECK (json_valid(request)),
    plan        TEXT NOT NULL CHECK (json_valid(plan)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX plans_client ON plans (client_id, created_at);
-- One active plan per client.
CREATE UNIQUE INDEX plans_one_active ON plans (client_id) WHERE active = 1;
