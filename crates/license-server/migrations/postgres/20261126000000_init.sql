-- The licence server's schema (PostgreSQL). sqlite/ holds the same tables in SQLite's dialect:
-- change both together. Times are Unix seconds (BIGINT), flags 0/1, lists JSON text, so one set
-- of queries serves both databases through sqlx's Any driver.

-- Who pays. A customer comes from Stripe (stripe_customer_id) or from `licenses issue` (e-mail
-- only).
CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    stripe_customer_id TEXT UNIQUE,
    email TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX customers_email ON customers (email);

-- One licence per Stripe subscription (keyed by it, so the subscription's events and the checkout
-- that makes the key converge in any order), per one-time purchase without a subscription, or per
-- `licenses issue`. The purchase key is stored only as its SHA-256 and its prefix.
CREATE TABLE licenses (
    id TEXT PRIMARY KEY,
    key_hash TEXT UNIQUE,
    key_prefix TEXT,
    plan TEXT,
    status TEXT NOT NULL,
    -- Set by the operator (`licenses suspend|revoke`); wins over what Stripe says until cleared.
    hold TEXT,
    add_ons TEXT NOT NULL DEFAULT '[]',
    customer_id TEXT REFERENCES customers (id),
    stripe_subscription_id TEXT UNIQUE,
    current_period_end BIGINT,
    cancel_at_period_end BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT,
    past_due_since BIGINT,
    status_event_created BIGINT NOT NULL DEFAULT 0,
    items_event_created BIGINT NOT NULL DEFAULT 0,
    lock_version BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX licenses_customer ON licenses (customer_id);

-- One-time products bought (Checkout in payment mode): credits while not refunded.
CREATE TABLE one_time_purchases (
    id TEXT PRIMARY KEY,
    license_id TEXT NOT NULL REFERENCES licenses (id) ON DELETE CASCADE,
    product TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    payment_intent TEXT,
    refunded_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX one_time_purchases_license ON one_time_purchases (license_id);
CREATE INDEX one_time_purchases_payment_intent ON one_time_purchases (payment_intent);

-- Activated machines: one seat each.
CREATE TABLE machines (
    id TEXT PRIMARY KEY,
    license_id TEXT NOT NULL REFERENCES licenses (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    name TEXT NOT NULL,
    platform TEXT NOT NULL,
    app_version TEXT NOT NULL,
    activated_at BIGINT NOT NULL,
    last_validated_at BIGINT NOT NULL,
    UNIQUE (license_id, fingerprint)
);

-- Every Stripe event applied, by id: a redelivery is a no-op.
CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    created BIGINT NOT NULL,
    received_at BIGINT NOT NULL
);

-- The newest event applied per Stripe object (created, then the type's rank for a tie): an older
-- event for the object is ignored.
CREATE TABLE object_versions (
    object_id TEXT PRIMARY KEY,
    created BIGINT NOT NULL,
    type_rank BIGINT NOT NULL
);

-- The purchase key for the Checkout success page, shown once. Keyed by SHA-256 of the session id;
-- the key is sealed with a pad derived from the session id (see checkout_keys.rs), cleared when
-- shown or after 24 hours; the row stays to say "it was e-mailed".
CREATE TABLE checkout_keys (
    session_hash TEXT PRIMARY KEY,
    sealed_key TEXT,
    license_id TEXT NOT NULL REFERENCES licenses (id) ON DELETE CASCADE,
    key_prefix TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    shown_at BIGINT
);

-- Mail to send, with retries: a row is claimed with a lease so several instances never send it
-- twice at once; the body is wiped once sent.
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    lease_token TEXT,
    sent_at BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- App releases for the Tauri updater, per channel and platform.
CREATE TABLE releases (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    version TEXT NOT NULL,
    target TEXT NOT NULL,
    arch TEXT NOT NULL,
    url TEXT NOT NULL,
    signature TEXT NOT NULL,
    notes TEXT NOT NULL,
    pub_date TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (channel, version, target, arch)
);
