-- Refunds, the operator's audit trail, session ids out of row ids, and bounded mail (SQLite;
-- postgres/ holds the same in PostgreSQL's dialect).

-- What was done to a licence by hand or by a refund: who, what, why, when. `licenses history`
-- shows it; `reinstate` needs a reason.
CREATE TABLE license_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    license_id TEXT NOT NULL REFERENCES licenses (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX license_audit_license ON license_audit (license_id, id);

-- A refund used to revoke a licence without a subscription by writing `revoked` as its status,
-- which `reinstate` could not lift. Refunds now take back only what they paid for; a revocation
-- made that way becomes the operator's hold, which `reinstate` lifts, and is in the trail.
INSERT INTO license_audit (license_id, action, actor, reason, created_at)
    SELECT id, 'revoke', 'refund', 'revoked by a refund before refunds stopped revoking licences', updated_at
    FROM licenses WHERE status = 'revoked';
UPDATE licenses SET hold = 'revoked', status = 'active' WHERE status = 'revoked';

-- One-time purchases were keyed by the Checkout session id, which opens the success page's key:
-- old ids get a random stem (new ones are the session id's SHA-256).
UPDATE one_time_purchases SET id = lower(hex(randomblob(16))) || substr(id, instr(id, ':'))
    WHERE substr(id, 1, 3) = 'cs_' AND instr(id, ':') > 0;

-- Mail is tried a bounded number of times: a permanent refusal, the last attempt or too long
-- without SMTP abandons it, and an abandoned message's body (it may hold a purchase key) is wiped
-- like a sent one's.
ALTER TABLE outbox ADD COLUMN abandoned_at INTEGER;
