package nl.menscentraal.dossier.view;

import nl.menscentraal.events.Sensitivity;
import nl.menscentraal.support.security.Caller;

import java.util.Optional;

/**
 * The view matrix of {@code privacy.md}, as far as the foundation needs it:
 * <ul>
 *     <li>a partner with facts about the client sees its own events in full, every other partner's as presence;</li>
 *     <li>the assigned regisseur sees {@code basis} and {@code financieel} in full, {@code bijzonder}, {@code jeugd}
 *     and {@code justitieel} as presence, or in full where a consent to the regisseur covers the domain;</li>
 *     <li>any other regisseur sees everything as presence while a signal about the client routed to {@code regie} is
 *     open or in behandeling, so the regie team can pick the signal up before anyone is assigned; consents, given to
 *     the assigned regisseur, do not lift this view;</li>
 *     <li>a consent to a partner lifts that partner's view of the domains it covers to full;</li>
 *     <li>an auditor, stating a purpose, sees everything;</li>
 *     <li>anyone else sees nothing.</li>
 * </ul>
 * A partner "involved with the client" is read as: has recorded facts about the client. It already knows the
 * client, so admitting it reveals nothing, and it keeps seeing its own facts after its trajectory ended.
 */
public final class ViewPolicy {

    private ViewPolicy() {
    }

    /** The caller's view of the client, or empty when it has none (403). */
    public static Optional<ClientView> viewFor(Caller caller, ClientRelations relations) {
        return switch (caller.role()) {
            case PARTNER -> relations.partnersWithFacts().contains(caller.organisation())
                    ? Optional.of(partnerView(caller.organisation(), relations)) : Optional.empty();
            case REGISSEUR -> caller.principal().equals(relations.regisseurId())
                    ? Optional.of(assignedRegisseur(relations))
                    : relations.openRegieSignal() ? Optional.of(SIGNALLED_REGISSEUR) : Optional.empty();
            case AUDITOR -> Optional.of(AUDITOR);
            case OPERATOR -> Optional.empty();
        };
    }

    private static ClientView partnerView(String ownPartner, ClientRelations relations) {
        return new ClientView() {
            @Override
            public String name() {
                return "partner";
            }

            @Override
            public Visibility visibilityOf(String partner, Sensitivity sensitivity, String domain) {
                return partner.equals(ownPartner) || relations.consented(ownPartner, domain)
                        ? Visibility.FULL : Visibility.PRESENCE;
            }
        };
    }

    private static ClientView assignedRegisseur(ClientRelations relations) {
        return new ClientView() {
            @Override
            public String name() {
                return "regisseur";
            }

            @Override
            public Visibility visibilityOf(String partner, Sensitivity sensitivity, String domain) {
                return !sensitivity.isSpecialCategory() || relations.consented(REGISSEUR, domain)
                        ? Visibility.FULL : Visibility.PRESENCE;
            }
        };
    }

    /** A regisseur who is not assigned, reading because of an open signal routed to regie: presence only. */
    private static final ClientView SIGNALLED_REGISSEUR = new ClientView() {
        @Override
        public String name() {
            return "regisseur-signal";
        }

        @Override
        public Visibility visibilityOf(String partner, Sensitivity sensitivity, String domain) {
            return Visibility.PRESENCE;
        }
    };

    /** The recipient a consent names when it is for the assigned regisseur, whoever that is. */
    static final String REGISSEUR = "regisseur";

    private static final ClientView AUDITOR = new ClientView() {
        @Override
        public String name() {
            return "auditor";
        }

        @Override
        public Visibility visibilityOf(String partner, Sensitivity sensitivity, String domain) {
            return Visibility.FULL;
        }
    };
}
