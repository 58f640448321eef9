package nl.menscentraal.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event catalogue, loaded from the one versioned data file {@code catalogue.yaml} beside this class.
 * Intake, dossier, projections, signal rules and docs all read it; adding a type or partner is a change
 * to that file, not to Java code.
 *
 * <p>Immutable. The file is checked for internal consistency when loaded; a broken file fails the first
 * {@link #load()} with every problem listed, so a bad edit never reaches a running service.
 */
public final class Catalogue {

    /** Recipient of a consent that is not a partner: the client's regisseur. */
    public static final String REGISSEUR = "regisseur";

    private static Catalogue shipped;

    private final String version;
    private final List<String> clusters;
    private final Map<String, String> clusterByDomain;
    private final Map<String, Partner> partners;
    private final Map<String, EventType> types;
    private final List<EventType> typeList;
    private final Set<String> commonTypes;

    /** What the catalogue says about one partner. {@code mainDomain} is {@code null} for regie. */
    record Partner(String mainDomain, Sensitivity mainSensitivity) {
    }

    Catalogue(String version, List<String> clusters, Map<String, String> clusterByDomain,
              Map<String, Partner> partners, Map<String, EventType> types, Set<String> commonTypes) {
        this.version = version;
        this.clusters = List.copyOf(clusters);
        this.clusterByDomain = Collections.unmodifiableMap(new LinkedHashMap<>(clusterByDomain));
        this.partners = Collections.unmodifiableMap(new LinkedHashMap<>(partners));
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        this.typeList = List.copyOf(types.values());
        this.commonTypes = Collections.unmodifiableSet(new LinkedHashSet<>(commonTypes));
    }

    /**
     * Loads the catalogue shipped in this jar, once; later calls return the same instance.
     *
     * @throws IllegalStateException when the file is missing or inconsistent, listing every problem
     */
    public static synchronized Catalogue load() {
        // Not a holder class: a failed class initialisation would hide the message on every later call.
        if (shipped == null) {
            shipped = CatalogueLoader.fromClasspath();
        }
        return shipped;
    }

    /** The version of the catalogue file, e.g. {@code 1}. */
    public String version() {
        return version;
    }

    public Optional<EventType> type(String name) {
        return Optional.ofNullable(name).map(types::get);
    }

    /** Every type, common types expanded per partner; grouped by partner in file order. */
    public List<EventType> types() {
        return typeList;
    }

    /** The types a partner may publish: its own and, except for regie, the common types under its prefix. */
    public List<EventType> typesOf(String partner) {
        return typeList.stream().filter(t -> t.partner().equals(partner)).toList();
    }

    /** Partner ids, including {@code regie}. */
    public Set<String> partners() {
        return partners.keySet();
    }

    public boolean isPartner(String id) {
        return id != null && partners.containsKey(id);
    }

    /**
     * The life domain of a partner's common types ({@code werk-inkomen} → {@code inkomen}); empty for
     * {@code regie}, which has none.
     *
     * @throws IllegalArgumentException for an unknown partner
     */
    public Optional<String> mainDomainOf(String partner) {
        return Optional.ofNullable(partner(partner).mainDomain());
    }

    /** The sensitivity of a partner's common types ({@code ggz} → {@code bijzonder}). */
    public Sensitivity mainSensitivityOf(String partner) {
        return partner(partner).mainSensitivity();
    }

    /** Short names of the common types ({@code zrm-vastgesteld}, ...), published as {@code <partner>.<name>}. */
    public Set<String> commonTypes() {
        return commonTypes;
    }

    /** Whether a full type name ({@code wmo.zrm-vastgesteld}) is a common type under some partner's prefix. */
    public boolean isCommonType(String typeName) {
        return type(typeName).map(t -> commonTypes.contains(shortName(t))).orElse(false);
    }

    /** Life domain ids. */
    public Set<String> domains() {
        return clusterByDomain.keySet();
    }

    public boolean isDomain(String id) {
        return id != null && clusterByDomain.containsKey(id);
    }

    /** The four problem cluster ids, in the order of the catalogue. */
    public List<String> clusters() {
        return clusters;
    }

    /**
     * The problem cluster of a life domain ({@code economisch}, {@code sociaal-cultureel}, ...).
     *
     * @throws IllegalArgumentException for an unknown domain
     */
    public String clusterOf(String domain) {
        String cluster = domain == null ? null : clusterByDomain.get(domain);
        if (cluster == null) {
            throw new IllegalArgumentException("not a life domain of the catalogue: " + domain);
        }
        return cluster;
    }

    private Partner partner(String id) {
        Partner partner = id == null ? null : partners.get(id);
        if (partner == null) {
            throw new IllegalArgumentException("not a partner of the catalogue: " + id);
        }
        return partner;
    }

    private static String shortName(EventType type) {
        return type.name().substring(type.partner().length() + 1);
    }
}
