-- What each signed-in user chose on their phone. Keyed by the Keycloak subject, so it follows the
-- person across phones; `version` is the optimistic lock behind the ETag / If-Match contract.
CREATE TABLE user_preferences (
    subject                    VARCHAR(64)  PRIMARY KEY,
    language                   VARCHAR(2)   NOT NULL CHECK (language IN ('vi', 'en')),
    favourite_app_ids          TEXT[]       NOT NULL DEFAULT '{}',
    notify_dossier_updates     BOOLEAN      NOT NULL,
    notify_document_inbox      BOOLEAN      NOT NULL,
    notify_meeting_reminders   BOOLEAN      NOT NULL,
    notify_salinity_alerts     BOOLEAN      NOT NULL,
    notify_water_level_alerts  BOOLEAN      NOT NULL,
    notify_local_news          BOOLEAN      NOT NULL,
    version                    BIGINT       NOT NULL,
    updated_at                 TIMESTAMPTZ  NOT NULL,
    CHECK (cardinality(favourite_app_ids) <= 50)
);

-- Writes retried from flaky phone networks: the first outcome of an Idempotency-Key is replayed.
CREATE TABLE idempotency_records (
    subject          VARCHAR(64)   NOT NULL,
    idempotency_key  VARCHAR(128)  NOT NULL,
    operation        VARCHAR(64)   NOT NULL,
    request_hash     VARCHAR(64)   NOT NULL,
    response_status  SMALLINT      NOT NULL,
    response_etag    VARCHAR(64),
    response_body    TEXT          NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (subject, idempotency_key)
);

CREATE INDEX idempotency_records_created_at ON idempotency_records (created_at);
