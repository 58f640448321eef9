package nl.menscentraal.dossier.view;

/** How much of one event a viewer sees ({@code privacy.md}). */
public enum Visibility {
    /** Type, payload and professional included. */
    FULL,
    /** Only partner, domain and time: "ggz is involved", never what for. */
    PRESENCE;

    public String code() {
        return name().toLowerCase();
    }
}
