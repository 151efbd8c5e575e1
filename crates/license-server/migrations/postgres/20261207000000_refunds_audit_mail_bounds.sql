-- Refunds, the operator's audit trail, session ids out of row ids, and bounded mail
-- (PostgreSQL): see the SQLite migration of the same name.
CREATE TABLE license_audit (
    id BIGSERIAL PRIMARY KEY,
    license_id TEXT NOT NULL REFERENCES licenses (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX license_audit_license ON license_audit (license_id, id);

INSERT INTO license_audit (license_id, action, actor, reason, created_at)
    SELECT id, 'revoke', 'refund', 'revoked by a refund before refunds stopped revoking licences', updated_at
    FROM licenses WHERE status = 'revoked';
UPDATE licenses SET hold = 'revoked', status = 'active' WHERE status = 'revoked';

UPDATE one_time_purchases SET id = replace(gen_random_uuid()::text, '-', '') || substr(id, strpos(id, ':'))
    WHERE substr(id, 1, 3) = 'cs_' AND strpos(id, ':') > 0;

ALTER TABLE outbox ADD COLUMN abandoned_at BIGINT;
