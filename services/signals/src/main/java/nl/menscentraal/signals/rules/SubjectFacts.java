package nl.menscentraal.signals.rules;

import java.util.List;

/**
 * Everything recorded about a subject: a client, or a household of several clients.
 *
 * @param memberIds      the dossier ids of the subject's clients (one for a client)
 * @param household      whether the subject is a household (household rules) or a client (client rules)
 * @param facts          the subject's facts, any order
 * @param householdFacts for a client: the facts of the other members of its household (empty if none)
 */
public record SubjectFacts(String subjectId, List<String> memberIds, boolean household, List<Fact> facts,
                           List<Fact> householdFacts) {

    public SubjectFacts {
        memberIds = List.copyOf(memberIds);
        facts = List.copyOf(facts);
        householdFacts = List.copyOf(householdFacts);
    }
}
