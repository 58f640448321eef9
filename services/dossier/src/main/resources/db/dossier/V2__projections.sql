-- Read models. Keyed by the client's pseudonym, never by BSN. Rebuildable from the event store.

CREATE TABLE timeline_entry (
    dossier_id     VARCHAR(64)  NOT NULL,
    event_id       UUID         NOT NULL,
    partner        VARCHAR(64)  NOT NULL,
    type           VARCHAR(128) NOT NULL,
    domain         VARCHAR(64),
    sensitivity    VARCHAR(32)  NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    -- the offset the partner sent, so the timeline shows the time as it was written
    occurred_at_offset_seconds INTEGER NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL,
    professional   JSONB,
    PRIMARY KEY (dossier_id, partner, event_id)
);
CREATE INDEX timeline_entry_by_time ON timeline_entry (dossier_id, occurred_at);

CREATE TABLE client_summary (
    dossier_id   VARCHAR(64) PRIMARY KEY,
    involvements JSONB       NOT NULL,
    problems     JSONB       NOT NULL,
    regisseur_id VARCHAR(128),
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Logboek Dataverwerkingen: one row per read of client data, allowed or refused. Append-only.
CREATE TABLE access_log (
    id           BIGSERIAL    PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    principal    VARCHAR(128) NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    organisation VARCHAR(64)  NOT NULL,
    subject      VARCHAR(64),
    view         VARCHAR(64)  NOT NULL,
    purpose      VARCHAR(64)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    trace_id     VARCHAR(64)  NOT NULL
);
CREATE INDEX access_log_by_subject ON access_log (subject, at);
