-- Signals as the signals service announces them on mens-centraal.signals.v1 (the dossier never reads the signals
-- service's tables): one row per signal and client concerned, a household signal giving one per member. Kept after
-- a signal is closed, so a redelivered older announcement cannot reopen it.
CREATE TABLE client_signal (
    dossier_id VARCHAR(64)   NOT NULL,
    signal_id  UUID          NOT NULL,
    rule_id    VARCHAR(32)   NOT NULL,
    severity   VARCHAR(16)   NOT NULL,
    routed_to  VARCHAR(64)[] NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    -- steps in the signal's history when announced; only a higher version replaces a row
    version    INTEGER       NOT NULL,
    raised_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (dossier_id, signal_id)
);

-- Each client's household: the latest werk-inkomen.huishouden-vastgesteld in business time that lists the client
-- (or was recorded in its dossier). Pseudonyms only: the members' BSNs stay in the stating fact.
CREATE TABLE household_member (
    member_id         VARCHAR(64)   PRIMARY KEY,
    members           VARCHAR(64)[] NOT NULL,
    source_dossier_id VARCHAR(64)   NOT NULL,
    source_event_id   UUID          NOT NULL,
    set_at            TIMESTAMPTZ   NOT NULL
);
