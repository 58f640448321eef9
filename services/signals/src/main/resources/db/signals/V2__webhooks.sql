-- Webhook subscribers of signal changes, and the outbox of deliveries to them. A delivery row is written in the
-- same transaction as the signal change, so no change is lost between the two; workers then post it at least once.

CREATE TABLE webhook_subscription (
    id           UUID         PRIMARY KEY,
    -- the organisation whose routed signals this subscription receives (a partner id or regie)
    organisation VARCHAR(64)  NOT NULL,
    created_by   VARCHAR(128) NOT NULL,
    callback_url TEXT         NOT NULL,
    -- kept readable because it keys the HMAC of every delivery; never returned by the API
    secret       TEXT         NOT NULL,
    -- NULL: every rule
    rule_ids     TEXT[],
    -- NULL: every severity
    min_severity VARCHAR(16),
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_subscription_by_organisation ON webhook_subscription (organisation);

CREATE TABLE webhook_delivery (
    id              BIGSERIAL    PRIMARY KEY,
    subscription_id UUID         NOT NULL REFERENCES webhook_subscription (id),
    signal_id       UUID         NOT NULL,
    signal_status   VARCHAR(16)  NOT NULL,
    -- the exact bytes to sign and post; cleared once delivered, so signal content does not linger here
    body            TEXT,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('pending', 'delivered', 'parked')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    -- for a claimed row: the end of the claiming instance's lease
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    -- an HTTP status or an exception class name, never response or request content
    last_error      VARCHAR(200),
    delivered_at    TIMESTAMPTZ,
    -- a change enqueued again (redelivery, replay) is delivered once per subscription
    UNIQUE (subscription_id, signal_id, signal_status)
);
-- The workers' due scan only ever looks at pending rows.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
