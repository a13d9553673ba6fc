-- Access: jurisdictions of users, API keys for machines, and the patch history placed in its patch's county and township, so read rules can select it like the patches.

-- The digest of a user's entry in users.yml as last applied: the entry is applied again only when it changes, so
-- what the admin API did to a user (a reset password, a disabled account) survives a restart.
ALTER TABLE app_user ADD COLUMN declared_digest VARCHAR(64);

-- The county or township codes a user's work lies in (besides the admin code of the user's department).
CREATE TABLE app_user_jurisdiction (
    username        VARCHAR(60)  NOT NULL REFERENCES app_user(username) ON DELETE CASCADE,
    admin_code      VARCHAR(12)  NOT NULL,
    PRIMARY KEY (username, admin_code)
);

-- A machine's credential. Only a SHA-256 digest of the secret is kept; the secret is shown once, at creation.
CREATE TABLE api_key (
    id              VARCHAR(24)  PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    secret_digest   VARCHAR(64)  NOT NULL,
    roles           VARCHAR(200) NOT NULL,          -- comma-separated
    department_code VARCHAR(40)  REFERENCES department(code),
    jurisdictions   VARCHAR(400),                   -- comma-separated admin codes
    paths           VARCHAR(400) NOT NULL,          -- comma-separated path prefixes it may call, e.g. /api/alerts
    layers          VARCHAR(1000),                  -- comma-separated layers it may read; null: what its roles read
    may_write       BOOLEAN      NOT NULL,
    created_by      VARCHAR(60)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    last_used_from  VARCHAR(60)
);

DROP VIEW patch_history;
CREATE VIEW patch_history AS
SELECT e.id, e.entity_id AS patch_id, p.code AS patch_code, e.occurred_at, e.actor, e.interface, e.action,
       e.before_values, e.after_values, p.county_code, p.township_code, p.responsible_department, p.centroid AS location
FROM audit_event e LEFT JOIN change_patch p ON p.id = e.entity_id
WHERE e.entity_kind = 'PATCH';
