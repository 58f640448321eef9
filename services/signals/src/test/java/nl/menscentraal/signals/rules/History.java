package nl.menscentraal.signals.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EventType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data: one client's recorded facts, classified by the real catalogue, all recorded at {@link #RECORDED}
 * unless said otherwise (a partner's bulk delivery of history).
 */
final class History {

    static final Catalogue CATALOGUE = Catalogue.load();
    static final Instant RECORDED = Instant.parse("2026-11-23T09:00:00Z");
    static final RuleEngine ENGINE = new RuleEngine(Duration.ofMinutes(10));
    static final RuleSet RULES = RuleSetReader.defaults(CATALOGUE);
    private static final ObjectMapper JSON = new ObjectMapper();

    final String memberId;
    final List<Fact> facts = new ArrayList<>();
    private String professional;
    private Instant recordedAt = RECORDED;

    History(String memberId) {
        this.memberId = memberId;
    }

    static History client() {
        return new History("dossier-" + UUID.randomUUID());
    }

    /** The following facts are recorded at this instant. */
    History recordedAt(Instant instant) {
        this.recordedAt = instant;
        return this;
    }

    /** The following facts name this professional. */
    History by(String professionalId) {
        this.professional = professionalId;
        return this;
    }

    History fact(String type, String date) {
        return fact(type, date, Map.of());
    }

    History fact(String type, String date, Map<String, ?> payload) {
        return fact(type, OffsetDateTime.of(LocalDate.parse(date).atTime(10, 0), ZoneOffset.ofHours(1)), payload, recordedAt);
    }

    History fact(String type, OffsetDateTime occurredAt, Map<String, ?> payload, Instant recordedAt) {
        EventType t = CATALOGUE.type(type).orElseThrow(() -> new IllegalArgumentException(type));
        facts.add(new Fact(UUID.randomUUID(), memberId, facts.size(), type, t.partner(), t.domain(),
                t.domain() == null ? null : CATALOGUE.clusterOf(t.domain()), t.involvement(), t.problem(), occurredAt,
                recordedAt, professional, JSON.valueToTree(payload)));
        return this;
    }

    Fact last() {
        return facts.get(facts.size() - 1);
    }

    Fact first(String type) {
        return facts.stream().filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    SubjectFacts asSubject() {
        return new SubjectFacts(memberId, List.of(memberId), false, facts, List.of());
    }

    SubjectFacts asSubjectIn(History... otherMembers) {
        List<Fact> others = new ArrayList<>();
        for (History h : otherMembers) {
            others.addAll(h.facts);
        }
        return new SubjectFacts(memberId, List.of(memberId), false, facts, others);
    }

    static SubjectFacts household(History... members) {
        List<Fact> all = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (History h : members) {
            all.addAll(h.facts);
            ids.add(h.memberId);
        }
        return new SubjectFacts("household-test", ids, true, all, List.of());
    }

    /** Evaluated once the late-arrival grace has passed since the facts were recorded. */
    static Evaluation afterGrace(SubjectFacts subject) {
        return afterGrace(subject, RECORDED);
    }

    static Evaluation afterGrace(SubjectFacts subject, Instant recorded) {
        return ENGINE.evaluate(RULES, subject, recorded.plus(Duration.ofMinutes(11)));
    }

    static List<String> ruleIds(Evaluation evaluation) {
        return evaluation.held().stream().map(Episode::ruleId).toList();
    }
}
