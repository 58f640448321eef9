package nl.menscentraal.signals.lifecycle.api;

import java.util.List;

/**
 * Who a signal is about: one client, or a household.
 *
 * @param id        the client's dossier id (BSN pseudonym), or the household's id; the Kafka key of its signals
 * @param memberIds the dossier ids of the clients concerned
 * @param bsns      their BSNs, in the order of {@code memberIds}
 */
public record Subject(String id, List<String> memberIds, List<String> bsns, boolean household) {

    public Subject {
        memberIds = List.copyOf(memberIds);
        bsns = List.copyOf(bsns);
    }

    /** The event stream of the subject's signals. */
    public String streamId() {
        return "signals-" + id;
    }
}
