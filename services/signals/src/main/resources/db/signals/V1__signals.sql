-- Tables of the signals service. The signals themselves are events in the shared event store (one stream per
-- subject); these are read models and working state, keyed by pseudonyms, rebuildable or re-derivable.

-- Read model of every signal: what the signals API lists and what delivery publishes.
CREATE TABLE signal (
    signal_id    UUID         PRIMARY KEY,
    subject_id   VARCHAR(80)  NOT NULL,
    -- the dossier ids (BSN pseudonyms) of the subject's clients: one, or a household's members
    members      VARCHAR(64)[] NOT NULL,
    subject      JSONB        NOT NULL,
    rule_id      VARCHAR(32)  NOT NULL,
    rule_version INTEGER      NOT NULL,
    severity     VARCHAR(16)  NOT NULL,
    raised_at    TIMESTAMPTZ  NOT NULL,
    based_on     JSONB        NOT NULL,
    explanation  TEXT         NOT NULL,
    routed_to    VARCHAR(64)[] NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    history      JSONB        NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX signal_by_subject ON signal (subject_id);
CREATE INDEX signal_by_routing ON signal USING GIN (routed_to);
CREATE INDEX signal_by_member ON signal USING GIN (members);

-- Durable deadlines: when a subject must be evaluated again because a rule's deadline passes then.
-- Instances claim due rows with FOR UPDATE SKIP LOCKED, so each deadline is evaluated by one instance.
CREATE TABLE signal_wakeup (
    subject_id VARCHAR(80)   PRIMARY KEY,
    members    VARCHAR(64)[] NOT NULL,
    due_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX signal_wakeup_by_due ON signal_wakeup (due_at);

-- Households as werk-inkomen last set them: each member's dossier id points at the household's members.
CREATE TABLE signal_household (
    member_id  VARCHAR(64)   PRIMARY KEY,
    members    VARCHAR(64)[] NOT NULL,
    -- the members' BSNs in the same order: a household signal names its subject by BSN
    bsns       JSONB         NOT NULL,
    set_at     TIMESTAMPTZ   NOT NULL
);

-- Every version of the rule set; the highest is in force.
CREATE TABLE signal_rule_set (
    version    INTEGER      PRIMARY KEY,
    yaml       TEXT         NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(128) NOT NULL
);
