-- The app catalog: one row per sectoral system, its manifest as validated JSON. Rows are never
-- deleted: a disabled system is a removal that `?since=` deltas can still report.
CREATE SEQUENCE catalog_version_seq;

CREATE TABLE catalog_apps (
    id               VARCHAR(63)   PRIMARY KEY,
    manifest         TEXT          NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    -- Where the current manifest came from: 'file' (the manifest directory) or 'admin' (the API).
    -- A file never overwrites what an admin changed.
    source           VARCHAR(8)    NOT NULL CHECK (source IN ('file', 'admin')),
    -- The catalog version when the row was first stored, and at its last change: what `?since=`
    -- compares against to tell an added system from a changed one.
    created_version  BIGINT        NOT NULL,
    changed_version  BIGINT        NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX catalog_apps_changed_version ON catalog_apps (changed_version);

-- Who changed what in the catalog, when, before and after. Append-only.
CREATE TABLE catalog_audit (
    id          BIGSERIAL     PRIMARY KEY,
    app_id      VARCHAR(63)   NOT NULL,
    action      VARCHAR(16)   NOT NULL CHECK (action IN ('load', 'create', 'replace', 'disable', 'enable')),
    actor       VARCHAR(128)  NOT NULL,
    before      TEXT,
    after       TEXT,
    enabled_before BOOLEAN,
    enabled_after  BOOLEAN,
    at          TIMESTAMPTZ   NOT NULL
);

CREATE INDEX catalog_audit_app ON catalog_audit (app_id, id);
