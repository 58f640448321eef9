package nl.menscentraal.dossier.view;

import nl.menscentraal.events.Sensitivity;

/** A principal's entitled view of one client: decides per event what it may see. */
public interface ClientView {

    /** The view's name, as written to the access log. */
    String name();

    /**
     * @param domain the event's life domain, or {@code null}: consents are given per domain
     */
    Visibility visibilityOf(String partner, Sensitivity sensitivity, String domain);

    default Visibility visibilityOf(String partner, Sensitivity sensitivity) {
        return visibilityOf(partner, sensitivity, null);
    }
}
