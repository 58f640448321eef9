-- One row per (partner, eventId): the durable idempotency key of the REST intake and the status a
-- partner can ask for. No BSN and no payload here: the fingerprint is enough to tell a repeat from a
-- conflict, and the content lives in Kafka and the dossier only.
create table intake_event (
    partner     text        not null,
    event_id    uuid        not null,
    -- SHA-256 of the normalised envelope; null only when a status message without one created the row.
    fingerprint text,
    -- pending: claimed, not yet acknowledged by Kafka (a retry re-sends) | accepted: on Kafka |
    -- recorded / rejected: final outcome reported by the dossier.
    status      text        not null check (status in ('pending', 'accepted', 'recorded', 'rejected')),
    reason      text,
    -- When the REST intake first received it; null for events published straight to Kafka.
    received_at timestamptz,
    updated_at  timestamptz not null,
    primary key (partner, event_id)
);
