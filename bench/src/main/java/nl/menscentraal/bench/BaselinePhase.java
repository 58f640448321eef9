package nl.menscentraal.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.dossier.chain.api.PartnerFact;
import nl.menscentraal.dossier.chain.api.RecordChainEventsCommand;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.Envelope;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.EnvelopeValidator;
import nl.menscentraal.events.ValidationResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A straightforward Axon application doing the same work: one command per event, each in its own
 * transaction, the aggregate loaded from the event store every time (no cache), and Axon's default
 * processors (tracking, one segment, batch size 1). Eight client threads, each owning a share of the
 * clients so per-client order holds. No Kafka or REST in front: this is the Axon core alone.
 */
final class BaselinePhase {

    private static final int THREADS = 8;

    private final Report report;
    private final Catalogue catalogue;

    BaselinePhase(Report report, Catalogue catalogue) {
        this.report = report;
        this.catalogue = catalogue;
    }

    void run(List<LoadGenerator.Client> clients) throws Exception {
        int events = Benchmark.count(clients);
        Map<String, String> straightforward = Map.ofEntries(
                Map.entry("mens-centraal.dossier.consume-partner-events", "false"),
                Map.entry("mens-centraal.dossier.aggregate-cache-size", "0"),
                // Axon's own defaults: per-message metrics, correlation metadata, handler timeouts
                Map.entry("mens-centraal.dossier.lean-axon", "false"),
                Map.entry("axon.timeout.enabled", "true"),
                Map.entry("axon.eventhandling.processors.client-views.mode", "tracking"),
                Map.entry("axon.eventhandling.processors.client-views.batch-size", "1"),
                Map.entry("axon.eventhandling.processors.client-views.initial-segment-count", "1"));
        try (var infra = EmbeddedPlatformInfrastructure.start(Benchmark.tempDir("baseline"), 0, 0);
             var context = BenchApplications.start(BenchApplications.DossierOnly.class, infra, straightforward)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            ClientPseudonyms pseudonyms = context.getBean(ClientPseudonyms.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EnvelopeValidator validator = new EnvelopeValidator(catalogue, Clock.systemUTC());

            var meter = new ResourceMeter();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = t;
                done.add(pool.submit(() -> {
                    for (int i = share; i < clients.size(); i += THREADS) {
                        for (ObjectNode json : clients.get(i).events()) {
                            Envelope envelope = ((ValidationResult.Valid) validator.validate(json)).envelope();
                            // one fact per command, as a straightforward application would send it
                            commands.sendAndWait(new RecordChainEventsCommand(pseudonyms.of(envelope.bsn()),
                                    List.of(new PartnerFact(envelope.eventId(), envelope.partner(), envelope.type(),
                                            envelope.schemaVersion(), envelope.bsn().value(), envelope.occurredAt(), null,
                                            envelope.professional(), envelope.payload(), EnvelopeJson.fingerprint(envelope))),
                                    Clock.systemUTC().instant()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double appended = (System.nanoTime() - start) / 1e9;
            report.add("baseline", "straightforward Axon: events appended", events / appended, "events/s", meter.usage());
            Waiting.until(Duration.ofMinutes(30), () -> count(jdbc) >= events);
            double projected = (System.nanoTime() - start) / 1e9;
            report.add("baseline", "straightforward Axon: timeline projection following", events / projected, "events/s", meter.usage());
            meter.close();
        }
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM timeline_entry", Long.class);
    }
}
