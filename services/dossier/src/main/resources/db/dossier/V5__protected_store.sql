-- Data at rest (privacy.md): each event's chain hash, fixed when it is appended, and one data key per data
-- subject, apart from the events. Rows recorded before this migration have no hash; their streams start a new
-- chain at the next event, and the integrity check reports them as not chained.
ALTER TABLE domainevententry ADD COLUMN chainhash BYTEA;

-- Deleting a row is erasure (crypto-shredding): the subject's events stay, unreadable.
CREATE TABLE data_key (
    key_id     UUID         PRIMARY KEY,
    subject    VARCHAR(128) NOT NULL UNIQUE,
    -- the data key, encrypted with the platform's master key (never stored)
    wrapped    BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
