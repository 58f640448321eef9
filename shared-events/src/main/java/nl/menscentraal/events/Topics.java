package nl.menscentraal.events;

/** Kafka topic and header names: part of the published language, so partners and services agree on them. */
public final class Topics {

    /** Partner facts, from the REST intake and from direct publishers. Key: the client's BSN (9 digits). */
    public static final String PARTNER_EVENTS = "mens-centraal.partner-events.v1";

    /** Records that failed validation or processing, parked with their reason in {@link #REASON_HEADER}. */
    public static final String PARTNER_EVENTS_DLQ = "mens-centraal.partner-events.dlq.v1";

    /** What became of each partner event in the dossier (recorded / rejected). Key: partner + eventId; no BSN, no payload. */
    public static final String EVENT_STATUS = "mens-centraal.event-status.v1";

    /** Signal lifecycle changes. Key: subject pseudonym. */
    public static final String SIGNALS = "mens-centraal.signals.v1";

    /** Header on dead-letter records: why the record was parked. Never carries a BSN or payload content. */
    public static final String REASON_HEADER = "mens-centraal-reason";

    private Topics() {
    }
}
