package nl.menscentraal.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code catalogue.yaml} into a {@link Catalogue}, collecting every inconsistency before failing so
 * whoever edits the file sees all mistakes at once. The format is described in the file's own header.
 */
final class CatalogueLoader {

    static final String RESOURCE = "catalogue.yaml";

    private static final String NONE = "none";
    private static final Set<String> ROOT_KEYS = Set.of("version", "clusters", "domains", "partners", "types", "commonTypes");
    private static final Set<String> PARTNER_KEYS = Set.of("mainDomain", "mainSensitivity");
    private static final Set<String> TYPE_KEYS = Set.of("domain", "involvement", "problem", "sensitivity", "schemaVersion", "payload");
    private static final Set<String> TEMPLATE_KEYS = Set.of("involvement", "problem", "schemaVersion", "payload");
    private static final Set<String> FIELD_KEYS = Set.of("kind", "required", "values", "min", "max", "examples");

    // Strict duplicate detection: a type declared twice must fail, not silently keep the last one.
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> clusterByDomain = new LinkedHashMap<>();
    private final Map<String, Catalogue.Partner> partners = new LinkedHashMap<>();

    private CatalogueLoader() {
    }

    static Catalogue fromClasspath() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("event catalogue " + RESOURCE + " not found beside " + Catalogue.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("event catalogue " + RESOURCE + " could not be read", e);
        }
    }

    /** Parses catalogue YAML; package-private so tests can feed broken files. */
    static Catalogue parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event catalogue " + RESOURCE + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
        return new CatalogueLoader().read(root);
    }

    private Catalogue read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("event catalogue " + RESOURCE + " must be a YAML mapping");
        }
        onlyKeys("the file", root, ROOT_KEYS);

        String version = readVersion(root.get("version"));
        List<String> clusters = readClusters(root.get("clusters"));
        readDomains(root.get("domains"), clusters);
        readPartners(root.get("partners"));
        Map<String, EventType> ownTypes = readOwnTypes(root.get("types"));
        Map<String, EventType> templates = readTemplates(root.get("commonTypes"));

        // Grouped per partner: its own types, then the common types expanded under its prefix.
        Map<String, EventType> types = new LinkedHashMap<>();
        partners.forEach((partnerId, partner) -> {
            ownTypes.values().stream().filter(t -> t.partner().equals(partnerId)).forEach(t -> types.put(t.name(), t));
            if (partner.mainDomain() == null) {
                return;
            }
            templates.forEach((shortName, template) -> {
                String name = partnerId + "." + shortName;
                if (ownTypes.containsKey(name)) {
                    problems.add("type " + name + " is declared both as a common type and as an own type");
                }
                types.put(name, new EventType(name, partnerId, partner.mainDomain(), template.involvement(),
                        template.problem(), partner.mainSensitivity(), template.payload(), template.schemaVersion()));
            });
        });

        if (!problems.isEmpty()) {
            throw new IllegalStateException("event catalogue " + RESOURCE + " is inconsistent:\n - "
                    + String.join("\n - ", problems));
        }
        return new Catalogue(version, clusters, clusterByDomain, partners, types, templates.keySet());
    }

    private String readVersion(JsonNode node) {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
            problems.add("version must be a positive integer");
            return "?";
        }
        return node.asText();
    }

    private List<String> readClusters(JsonNode node) {
        List<String> clusters = stringList("clusters", node);
        if (clusters.isEmpty()) {
            problems.add("clusters must list at least one cluster");
        }
        if (new LinkedHashSet<>(clusters).size() != clusters.size()) {
            problems.add("clusters must not repeat a cluster");
        }
        return clusters;
    }

    private void readDomains(JsonNode node, List<String> clusters) {
        mapping("domains", node, true).forEach((domain, cluster) -> {
            if (!cluster.isTextual() || !clusters.contains(cluster.asText())) {
                problems.add("domain " + domain + " must name one of the clusters " + clusters);
            } else if (domain.equals(NONE)) {
                problems.add("'none' is reserved and cannot be a domain");
            } else {
                clusterByDomain.put(domain, cluster.asText());
            }
        });
    }

    private void readPartners(JsonNode node) {
        mapping("partners", node, true).forEach((id, partner) -> {
            String where = "partner " + id;
            if (id.contains(".") || id.equals(Catalogue.REGISSEUR)) {
                problems.add(where + ": a partner id must not contain '.' nor be '" + Catalogue.REGISSEUR + "'");
            }
            if (!partner.isObject()) {
                problems.add(where + " must be a mapping with mainDomain and mainSensitivity");
                return;
            }
            onlyKeys(where, partner, PARTNER_KEYS);
            partners.put(id, new Catalogue.Partner(
                    domainOrNone(where + ".mainDomain", partner.get("mainDomain")),
                    sensitivity(where + ".mainSensitivity", partner.get("mainSensitivity"))));
        });
    }

    private Map<String, EventType> readOwnTypes(JsonNode node) {
        Map<String, EventType> types = new LinkedHashMap<>();
        mapping("types", node, true).forEach((name, type) -> {
            int dot = name.indexOf('.');
            String partner = dot < 0 ? "" : name.substring(0, dot);
            if (dot < 1 || dot == name.length() - 1) {
                problems.add("type " + name + " must be named <partner>.<name>");
            } else if (!partners.containsKey(partner)) {
                problems.add("type " + name + ": prefix " + partner + " is not a partner");
            }
            if (!type.isObject()) {
                problems.add("type " + name + " must be a mapping");
                return;
            }
            onlyKeys("type " + name, type, TYPE_KEYS);
            String domain = domainOrNone("type " + name + ".domain", type.get("domain"));
            Sensitivity sensitivity = sensitivity("type " + name + ".sensitivity", type.get("sensitivity"));
            EventType eventType = readType("type " + name, name, partner, type, domain, sensitivity);
            if (domain == null && eventType.problem() != ProblemEffect.NONE) {
                // "A domain is active while a partner has raised a problem there": no domain, no problem.
                problems.add("type " + name + " raises or resolves a problem but has no domain");
            }
            types.put(name, eventType);
        });
        return types;
    }

    /**
     * Common-type templates by short name, read once (so a mistake is reported once, not per partner);
     * partner, domain and sensitivity are filled in on expansion.
     */
    private Map<String, EventType> readTemplates(JsonNode node) {
        Map<String, EventType> templates = new LinkedHashMap<>();
        mapping("commonTypes", node, false).forEach((name, template) -> {
            String where = "common type " + name;
            if (name.contains(".")) {
                problems.add(where + " must be a short name without a partner prefix");
            }
            if (!template.isObject()) {
                problems.add(where + " must be a mapping");
                return;
            }
            onlyKeys(where, template, TEMPLATE_KEYS);
            templates.put(name, readType(where, name, "", template, null, null));
        });
        return templates;
    }

    /** The parts a type and a common-type template share: effects, schema version and payload. */
    private EventType readType(String where, String name, String partner, JsonNode node, String domain, Sensitivity sensitivity) {
        Involvement involvement = effect(where + ".involvement", node.get("involvement"), Involvement.class);
        ProblemEffect problem = effect(where + ".problem", node.get("problem"), ProblemEffect.class);
        int schemaVersion = 1;
        JsonNode version = node.get("schemaVersion");
        if (version != null) {
            if (version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1) {
                schemaVersion = version.intValue();
            } else {
                problems.add(where + ".schemaVersion must be a positive integer");
            }
        }
        List<PayloadField> payload = new ArrayList<>();
        mapping(where + ".payload", node.get("payload"), false).forEach((field, spec) ->
                payload.add(payloadField(where + ".payload." + field, field, spec)));
        return new EventType(name, partner, domain, involvement, problem, sensitivity, List.copyOf(payload), schemaVersion);
    }

    private PayloadField payloadField(String where, String name, JsonNode spec) {
        if (!spec.isObject()) {
            problems.add(where + " must be a mapping like { kind: string, required: true }");
            return new PayloadField(name, PayloadField.Kind.STRING, false, List.of(), null, null);
        }
        onlyKeys(where, spec, FIELD_KEYS);
        PayloadField.Kind kind = kind(where + ".kind", spec.get("kind"));
        JsonNode required = spec.get("required");
        if (required == null || !required.isBoolean()) {
            problems.add(where + ".required must be true or false");
        }
        List<String> values = stringList(where + ".values", spec.get("values"));
        if (kind == PayloadField.Kind.ENUM && values.isEmpty()) {
            problems.add(where + ": an enum needs a non-empty list of values");
        }
        if (kind != PayloadField.Kind.ENUM && spec.has("values")) {
            problems.add(where + ": values are only allowed for kind enum (use examples for an open list)");
        }
        if (spec.has("examples")) {
            stringList(where + ".examples", spec.get("examples"));
            if (kind != PayloadField.Kind.STRING) {
                problems.add(where + ": examples are only allowed for kind string");
            }
        }
        Long min = bound(where + ".min", spec.get("min"), kind);
        Long max = bound(where + ".max", spec.get("max"), kind);
        if (min != null && max != null && min > max) {
            problems.add(where + ": min must not exceed max");
        }
        return new PayloadField(name, kind, required != null && required.asBoolean(), values, min, max);
    }

    private Long bound(String where, JsonNode node, PayloadField.Kind kind) {
        if (node == null) {
            return null;
        }
        if (kind != PayloadField.Kind.INTEGER && kind != PayloadField.Kind.NUMBER) {
            problems.add(where + " is only allowed for kind integer or number");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            problems.add(where + " must be a whole number");
            return null;
        }
        return node.longValue();
    }

    private PayloadField.Kind kind(String where, JsonNode node) {
        if (node != null && node.isTextual()) {
            try {
                return PayloadField.Kind.valueOf(node.asText().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        problems.add(where + " must be one of " + names(PayloadField.Kind.values()));
        return PayloadField.Kind.STRING;
    }

    private <E extends Enum<E>> E effect(String where, JsonNode node, Class<E> effect) {
        E[] constants = effect.getEnumConstants();
        if (node != null && node.isTextual()) {
            for (E constant : constants) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(node.asText())) {
                    return constant;
                }
            }
        }
        problems.add(where + " must be one of " + names(constants));
        return constants[constants.length - 1];
    }

    private Sensitivity sensitivity(String where, JsonNode node) {
        try {
            return Sensitivity.fromCode(node == null ? null : node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(where + " must be one of " + names(Sensitivity.values()));
            return Sensitivity.BASIS;
        }
    }

    /** A known domain, or {@code null} for {@code none}. */
    private String domainOrNone(String where, JsonNode node) {
        if (node != null && node.isTextual()
                && (node.asText().equals(NONE) || clusterByDomain.containsKey(node.asText()))) {
            return node.asText().equals(NONE) ? null : node.asText();
        }
        problems.add(where + " must be a domain of this file or none");
        return null;
    }

    private Map<String, JsonNode> mapping(String where, JsonNode node, boolean required) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(where + " is missing");
            }
        } else if (!node.isObject()) {
            problems.add(where + " must be a mapping");
        } else {
            node.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        }
        return entries;
    }

    private List<String> stringList(String where, JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node == null) {
            return strings;
        }
        if (!node.isArray()) {
            problems.add(where + " must be a list");
            return strings;
        }
        node.forEach(item -> {
            if (item.isTextual() && !item.asText().isBlank()) {
                strings.add(item.asText());
            } else {
                problems.add(where + " must contain only non-blank strings");
            }
        });
        return strings;
    }

    private void onlyKeys(String where, JsonNode node, Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(where + ": unknown key " + key + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String names(Enum<?>[] constants) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : constants) {
            names.add(constant instanceof Sensitivity s ? s.code() : constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", names);
    }
}
