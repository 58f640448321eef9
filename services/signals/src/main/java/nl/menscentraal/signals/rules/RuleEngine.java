package nl.menscentraal.signals.rules;

import nl.menscentraal.events.Involvement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Evaluates a rule set over a subject's recorded facts at a given moment. A pure function of its inputs: the
 * same history and the same {@code now} give the same episodes, which is what makes signal ids deterministic,
 * replays harmless and backtests honest.
 *
 * <p>Windows and deadlines are in business time ({@code occurredAt}). A deadline counts as passed at {@code now}
 * once its business-time moment is past <em>and</em> the late-arrival grace has passed since the opening fact was
 * recorded: a batch of backdated history raises what it really implies, and nothing a later fact of the same
 * batch would have prevented.
 */
public final class RuleEngine {

    private final Duration grace;

    /** @param grace how long after an opening fact was recorded its deadline may still be prevented by late facts */
    public RuleEngine(Duration grace) {
        this.grace = grace;
    }

    public Evaluation evaluate(RuleSet rules, SubjectFacts subject, Instant now) {
        List<Fact> facts = subject.facts().stream().sorted(Fact.BUSINESS_TIME).toList();
        List<Episode> held = new ArrayList<>();
        List<String> evaluated = new ArrayList<>();
        Instant[] nextDue = {null};
        for (Rule rule : rules.rules()) {
            if (rule.household() != subject.household()) {
                continue;
            }
            evaluated.add(rule.id());
            Map<UUID, Episode> byKey = new LinkedHashMap<>();
            for (Condition condition : rule.anyOf()) {
                Run run = new Run(rule, subject, facts, now, byKey);
                if (condition instanceof Condition.OnState state) {
                    run.onState(state);
                } else {
                    run.onEvent((Condition.OnEvent) condition);
                }
                if (run.nextDue != null && (nextDue[0] == null || run.nextDue.isBefore(nextDue[0]))) {
                    nextDue[0] = run.nextDue;
                }
            }
            held.addAll(byKey.values());
        }
        return new Evaluation(held, evaluated, Optional.ofNullable(nextDue[0]));
    }

    /** One rule's condition over one subject. */
    private final class Run {
        final Rule rule;
        final SubjectFacts subject;
        final List<Fact> facts;
        final Instant now;
        final Map<UUID, Episode> episodes;
        Instant nextDue;

        Run(Rule rule, SubjectFacts subject, List<Fact> facts, Instant now, Map<UUID, Episode> episodes) {
            this.rule = rule;
            this.subject = subject;
            this.facts = facts;
            this.now = now;
            this.episodes = episodes;
        }

        void onState(Condition.OnState c) {
            Map<String, MemberState> states = new HashMap<>();
            boolean holding = false;
            Fact start = null;
            Map<String, String> startValues = null;
            List<UUID> startBasis = null;
            List<Fact> joinings = new ArrayList<>();
            Map<UUID, Map<String, String>> joiningValues = new HashMap<>();
            Map<UUID, List<UUID>> joiningBasis = new HashMap<>();
            for (Fact f : facts) {
                MemberState s = states.computeIfAbsent(f.memberId(), m -> new MemberState());
                s.apply(f);
                List<UUID> basis = holds(c, states);
                boolean h = basis != null;
                if (c.eachPartnerJoining() && h && f.involvement() == Involvement.STARTS && s.involvements.get(f.partner()) == f) {
                    joinings.add(f);
                    joiningValues.put(f.eventId(), values(s, f));
                    joiningBasis.put(f.eventId(), basis);
                }
                if (h && !holding) {
                    start = f;
                    startValues = values(s, f);
                    startBasis = basis;
                } else if (!h && holding) {
                    interval(c, start, f, startValues, startBasis);
                    // a partner that joined a match that has since fallen apart is no news any more
                    joinings.clear();
                }
                holding = h;
            }
            if (c.eachPartnerJoining()) {
                // ketenmatch: each partner joining is news to the others, as long as it is still involved with them
                for (Fact joined : joinings) {
                    MemberState s = states.get(joined.memberId());
                    if (holding && s.involvements.get(joined.partner()) == joined) {
                        Map<String, String> v = joiningValues.get(joined.eventId());
                        add(joined, joiningBasis.get(joined.eventId()), rule.severity(), joined.at(), v,
                                routing(v, joined), true);
                    }
                }
                return;
            }
            if (holding) {
                interval(c, start, null, startValues, holds(c, states));
            }
        }

        private void interval(Condition.OnState c, Fact start, Fact end, Map<String, String> values, List<UUID> basis) {
            if (c.heldFor() == null) {
                if (end == null) {
                    add(start, basis, rule.severity(), start.at(), values, routing(values, start), false);
                }
                return;
            }
            // with "without": such a fact restarts the count, so activity long ago does not silence the rule for
            // good, and activity after the time had passed does not undo it
            Instant from = start.at();
            if (c.without() != null) {
                List<Instant> activity = facts.stream().filter(f -> c.without().matches(f, start) && !f.at().isBefore(start.at()))
                        .map(Fact::at).sorted().toList();
                for (Instant at : activity) {
                    if (at.isAfter(from.plus(c.heldFor()))) {
                        break;
                    }
                    from = at;
                }
            }
            Instant passes = from.plus(c.heldFor());
            if (end != null && !end.at().isAfter(passes)) {
                return;
            }
            values.put("dueDate", date(passes, start));
            deadline(start, basis, rule.severity(), passes, max(passes, start.recordedAt().plus(grace)), values);
        }

        /** The facts the condition rests on, or {@code null} when it does not hold. */
        private List<UUID> holds(Condition.OnState c, Map<String, MemberState> states) {
            if (c.state() != null) {
                MemberState s = states.values().iterator().next();
                return c.state().test(s, null) ? c.state().contributors(s) : null;
            }
            for (Map.Entry<String, MemberState> one : states.entrySet()) {
                if (!c.oneMember().test(one.getValue(), null)) {
                    continue;
                }
                for (Map.Entry<String, MemberState> another : states.entrySet()) {
                    if (!another.getKey().equals(one.getKey()) && c.anotherMember().test(another.getValue(), null)) {
                        List<UUID> basis = new ArrayList<>(c.oneMember().contributors(one.getValue()));
                        basis.addAll(c.anotherMember().contributors(another.getValue()));
                        return basis;
                    }
                }
            }
            return null;
        }

        void onEvent(Condition.OnEvent c) {
            Map<String, MemberState> states = new HashMap<>();
            for (int i = 0; i < facts.size(); i++) {
                Fact opening = facts.get(i);
                MemberState s = states.computeIfAbsent(opening.memberId(), m -> new MemberState());
                s.apply(opening);
                if (!c.event().matches(opening, null) || (c.whileState() != null && !c.whileState().test(s, opening))) {
                    continue;
                }
                Map<String, String> values = values(s, opening);
                Condition.Override override = override(c, opening);
                Severity severity = override != null && override.severity() != null ? override.severity() : rule.severity();
                Duration within = override != null && override.within() != null ? override.within() : c.within();
                List<UUID> basis = new ArrayList<>(List.of(opening.eventId()));
                if (c.whileState() != null) {
                    basis.addAll(c.whileState().contributors(s));
                }
                if (within != null) {
                    values.put("within", Long.toString(within.toDays()));
                }
                if (c.until() != null) {
                    boolean cleared = facts.subList(i + 1, facts.size()).stream().anyMatch(f -> c.until().matches(f, opening));
                    if (!cleared) {
                        add(opening, basis, severity, opening.at(), values, routing(values, opening), false);
                    }
                } else if (c.count() != null) {
                    Instant end = opening.at().plus(within);
                    List<Fact> inWindow = facts.subList(i, facts.size()).stream()
                            .filter(f -> !f.at().isAfter(end) && c.event().matches(f, null)).toList();
                    if (inWindow.size() >= c.count()) {
                        inWindow.forEach(f -> basis.add(f.eventId()));
                        values.put("count", Integer.toString(inWindow.size()));
                        add(opening, basis, severity, inWindow.get(c.count() - 1).at(), values, routing(values, opening),
                                false);
                    }
                } else if (c.alsoEvent() != null) {
                    List<Fact> also = facts.stream().filter(f -> f != opening && c.alsoEvent().matches(f, opening)
                            && !f.at().isBefore(opening.at().minus(c.alsoWithin()))
                            && !f.at().isAfter(opening.at().plus(c.alsoWithin()))).toList();
                    if (!also.isEmpty()) {
                        also.forEach(f -> basis.add(f.eventId()));
                        Fact other = also.get(0);
                        values.put("otherDate", date(other.at(), other));
                        values.put("otherPartner", other.partner());
                        values.put("otherType", other.shortType());
                        add(opening, basis, severity, max(opening.at(), other.at()), values, routing(values, opening),
                                false);
                    }
                } else if (c.awaiting() != null) {
                    Instant passes = opening.at().plus(within);
                    boolean answered = facts.stream().anyMatch(f -> f != opening && c.awaiting().matches(f, opening)
                            && !f.at().isBefore(opening.at()) && !f.at().isAfter(passes));
                    if (answered) {
                        continue;
                    }
                    values.put("dueDate", date(passes, opening));
                    boolean immediate = override != null && override.immediate();
                    deadline(opening, basis, severity, immediate ? opening.at() : passes,
                            immediate ? opening.recordedAt() : max(passes, opening.recordedAt().plus(grace)), values);
                } else {
                    add(opening, basis, severity, opening.at(), values, routing(values, opening), false);
                }
            }
        }

        private Condition.Override override(Condition.OnEvent c, Fact opening) {
            if (c.overrides() == null) {
                return null;
            }
            for (Condition.Override o : c.overrides()) {
                boolean when = o.when() == null || o.when().matches(opening, opening);
                boolean household = o.householdMember() == null || householdMemberSatisfies(o.householdMember());
                if (when && household) {
                    return o;
                }
            }
            return null;
        }

        private boolean householdMemberSatisfies(StatePredicate predicate) {
            Map<String, MemberState> states = new HashMap<>();
            List<Fact> all = new ArrayList<>(subject.facts());
            all.addAll(subject.householdFacts());
            all.stream().sorted(Fact.BUSINESS_TIME)
                    .forEach(f -> states.computeIfAbsent(f.memberId(), m -> new MemberState()).apply(f));
            return states.values().stream().anyMatch(s -> predicate.test(s, null));
        }

        /** A deadline episode: held once {@code now} reached {@code fires}, otherwise a reason to wake up then. */
        private void deadline(Fact opening, List<UUID> basis, Severity severity, Instant heldAt, Instant fires,
                              Map<String, String> values) {
            if (!now.isBefore(fires)) {
                add(opening, basis, severity, heldAt, values, routing(values, opening), false);
            } else if (nextDue == null || fires.isBefore(nextDue)) {
                nextDue = fires;
            }
        }

        private void add(Fact first, List<UUID> basis, Severity severity, Instant heldAt, Map<String, String> values,
                         List<String> routedTo, boolean eachEpisode) {
            if (episodes.containsKey(first.eventId())) {
                return;
            }
            Set<UUID> ids = new LinkedHashSet<>();
            ids.add(first.eventId());
            ids.addAll(basis);
            episodes.put(first.eventId(), new Episode(rule.id(), rule.version(), first.eventId(), List.copyOf(ids), severity,
                    fill(rule.explanation(), values), routedTo, heldAt, eachEpisode));
        }

        private List<String> routing(Map<String, String> values, Fact opening) {
            Set<String> to = new LinkedHashSet<>();
            for (String target : rule.routedTo()) {
                switch (target) {
                    case "involved-partners" -> to.addAll(List.of(values.get("partners").split(", ")));
                    case "opening-partner" -> to.add(opening.partner());
                    default -> to.add(target);
                }
            }
            to.remove("");
            return List.copyOf(to);
        }
    }

    /** What an explanation may mention: dates, partners, domains, clusters and counts, never payload content. */
    private static Map<String, String> values(MemberState s, Fact f) {
        Map<String, String> v = new HashMap<>();
        v.put("date", date(f.at(), f));
        v.put("partner", f.partner());
        v.put("domain", f.domain() == null ? "regie" : f.domain());
        v.put("type", f.shortType());
        v.put("since", date(f.at(), f));
        v.put("partners", String.join(", ", s.involvements.keySet().stream().sorted().toList()));
        v.put("partnerCount", Integer.toString(s.involvements.size()));
        v.put("domains", String.join(", ", s.activeDomains.keySet().stream().sorted().toList()));
        v.put("domainCount", Integer.toString(s.activeDomains.size()));
        v.put("clusters", String.join(", ", s.clusters()));
        v.put("clusterCount", Integer.toString(s.clusters().size()));
        v.put("professionalCount", Integer.toString(s.involvedProfessionals().size()));
        return v;
    }

    static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.replace("{" + e.getKey() + "}", e.getValue());
        }
        return result;
    }

    private static String date(Instant at, Fact zoneOf) {
        return LocalDate.ofInstant(at, zoneOf.occurredAt().getOffset()).toString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Placeholders an explanation may use, for the rules file's validation and docs. */
    static final Set<String> PLACEHOLDERS = Set.of("date", "partner", "domain", "type", "since", "partners",
            "partnerCount", "domains", "domainCount", "clusters", "clusterCount", "professionalCount", "within",
            "dueDate", "count", "otherDate", "otherPartner", "otherType");

    static Set<String> placeholdersIn(String template) {
        return java.util.regex.Pattern.compile("\\{([a-zA-Z]+)}").matcher(template).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
