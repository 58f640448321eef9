package nl.menscentraal.events;

import java.util.List;

/**
 * A payload field of an event type, as declared in the catalogue.
 *
 * @param name     the JSON field name
 * @param kind     what the value must be
 * @param required missing required fields are refused; optional ones are checked only when present
 * @param values   allowed values for {@link Kind#ENUM}; empty means any string
 * @param min      lower bound for {@link Kind#INTEGER} / {@link Kind#NUMBER}, or {@code null}
 * @param max      upper bound for {@link Kind#INTEGER} / {@link Kind#NUMBER}, or {@code null}
 */
public record PayloadField(String name, Kind kind, boolean required, List<String> values, Long min, Long max) {

    public enum Kind {
        STRING,
        /** A string from {@code values}; the catalogue lists the known values, others are refused. */
        ENUM,
        INTEGER,
        NUMBER,
        BOOLEAN,
        /** ISO-8601 date, {@code 2026-10-01}. */
        DATE,
        /** A BSN. */
        BSN,
        /** A non-empty list of BSNs. */
        BSN_LIST,
        /** A partner id of the catalogue. */
        PARTNER,
        /** A non-empty list of partner ids. */
        PARTNER_LIST,
        /** A life domain of the catalogue. */
        DOMAIN,
        /** A non-empty list of life domains. */
        DOMAIN_LIST,
        /** A partner id of the catalogue or {@code regisseur} (consent recipients). */
        RECIPIENT,
        /** A UUID (e.g. a referenced event id). */
        UUID,
        /** {@code regie.plan-vastgesteld}'s goals: a non-empty list of {leefgebied, doel, eigenaarPartner, streefdatum}. */
        PLAN_GOALS
    }
}
