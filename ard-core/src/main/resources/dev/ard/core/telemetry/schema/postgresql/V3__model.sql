-- ARD telemetry schema v3 for PostgreSQL: trained predictive-selection models (DESIGN §4, §5).
-- bytes: the serialized model, read back only through an ObjectInputFilter allow-list; metrics: JSON
-- (training size, held-out recall, threshold). Versions increase by one per training.

CREATE TABLE model (
    version    INTEGER NOT NULL PRIMARY KEY,
    trained_at BIGINT  NOT NULL,
    metrics    TEXT    NOT NULL,
    bytes      BYTEA   NOT NULL
);
