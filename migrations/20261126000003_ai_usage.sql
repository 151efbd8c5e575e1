-- The AI usage ledger: one row per AI call (a generation with its retries and repair, or a
-- connection test), successful or not. Failed and cancelled calls cost nothing and use no credit.
CREATE TABLE ai_usage (
    id                 INTEGER PRIMARY KEY,
    at                 TEXT NOT NULL,                 -- RFC 3339 UTC, when the call finished
    month              TEXT NOT NULL,                 -- 'YYYY-MM' (UTC) of `at`: the credit month
    client_id          TEXT REFERENCES clients (id) ON DELETE SET NULL,
    feature            TEXT NOT NULL,                 -- 'audit', 'content', 'connection_test', …
    provider           TEXT NOT NULL,                 -- preset id: 'openai', 'ollama', …
    model              TEXT NOT NULL,                 -- the model that answered (else the one asked)
    prompt_tokens      INTEGER NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
    completion_tokens  INTEGER NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
    tokens_estimated   INTEGER NOT NULL DEFAULT 0 CHECK (tokens_estimated IN (0, 1)),
    cost_micro_usd     INTEGER NOT NULL DEFAULT 0 CHECK (cost_micro_usd >= 0),
    priced             INTEGER NOT NULL DEFAULT 0 CHECK (priced IN (0, 1)), -- 0: no price known (local models are priced at 0)
    credits            INTEGER NOT NULL DEFAULT 0 CHECK (credits >= 0),
    latency_ms         INTEGER NOT NULL CHECK (latency_ms >= 0),
    attempts           INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    outcome            TEXT NOT NULL,                 -- 'ok' or an error code ('ai_rate_limited', 'cancelled', …)
    CHECK (outcome = 'ok' OR (cost_micro_usd = 0 AND credits = 0))
);

CREATE INDEX ai_usage_month ON ai_usage (month);
CREATE INDEX ai_usage_client ON ai_usage (client_id, month);

-- What a model costs, editable by the user (USD per million tokens, as integer micro-dollars).
-- A model matches the longest name here it starts with (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`).
CREATE TABLE ai_prices (
    model                      TEXT PRIMARY KEY NOT NULL CHECK (length(trim(model)) > 0),
    input_micro_usd_per_mtok   INTEGER NOT NULL CHECK (input_micro_usd_per_mtok >= 0),
    output_micro_usd_per_mtok  INTEGER NOT NULL CHECK (output_micro_usd_per_mtok >= 0)
) WITHOUT ROWID;

-- OpenAI's published list prices when this release was made; users edit them for their provider.
INSERT INTO ai_prices (model, input_micro_usd_per_mtok, output_micro_usd_per_mtok) VALUES
    ('gpt-4o-mini',   150000,   600000),
    ('gpt-4o',       2500000, 10000000),
    ('gpt-4.1-nano',  100000,   400000),
    ('gpt-4.1-mini',  400000,  1600000),
    ('gpt-4.1',      2000000,  8000000),
    ('gpt-5-nano',     50000,   400000),
    ('gpt-5-mini',    250000,  2000000),
    ('gpt-5',        1250000, 10000000),
    ('o4-mini',      1100000,  4400000);
