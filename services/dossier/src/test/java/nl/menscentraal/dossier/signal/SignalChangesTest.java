package nl.menscentraal.dossier.signal;

import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.embedded.TestBsns;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.Topics;
import nl.menscentraal.support.schema.ServiceSchema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dossier's edge on the signals topic, on a real PostgreSQL without a Spring context: records as the signals
 * service publishes them, redelivered and out of order as Kafka may hand them over.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignalChangesTest {

    private static final ClientPseudonyms PSEUDONYMS = new ClientPseudonyms("a-test-secret-of-enough-length");
    private static ClientSignals signals;
    private static SignalChangesListener listener;
    private long offset;

    @BeforeAll
    static void database() {
        var postgres = EmbeddedPlatformInfrastructure.shared().postgres();
        var dataSource = new DriverManagerDataSource(postgres.jdbcUrl() + "&reWriteBatchedInserts=true", postgres.username(), postgres.password());
        ServiceSchema.migrate(dataSource, "dossier");
        signals = new ClientSignals(new JdbcTemplate(dataSource));
        listener = new SignalChangesListener(signals, PSEUDONYMS);
    }

    @Test
    void an_open_signal_routed_to_regie_counts_until_it_is_resolved() {
        String bsn = TestBsns.unique();
        UUID id = UUID.randomUUID();

        listener.on(List.of(record(signal(id, "MP-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie"), "open", 1))));
        assertThat(signals.anyActiveRoutedTo(dossier(bsn), "regie")).isTrue();
        assertThat(signals.anyActiveRoutedTo(dossier(bsn), "wmo")).isFalse();

        listener.on(List.of(record(signal(id, "MP-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie"), "in-behandeling", 2))));
        assertThat(signals.active(dossier(bsn), "regie")).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("in-behandeling"));

        listener.on(List.of(record(signal(id, "MP-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie"), "afgehandeld", 3))));
        assertThat(signals.anyActiveRoutedTo(dossier(bsn), "regie")).isFalse();
        assertThat(signals.active(dossier(bsn), null)).isEmpty();
    }

    @Test
    void a_redelivered_older_announcement_never_reopens_a_closed_signal() {
        String bsn = TestBsns.unique();
        UUID id = UUID.randomUUID();
        ConsumerRecord<String, byte[]> opened = record(signal(id, "HU-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie", "schuldhulp"), "open", 1));
        ConsumerRecord<String, byte[]> lapsed = record(signal(id, "HU-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie", "schuldhulp"), "vervallen", 2));

        listener.on(List.of(opened, lapsed, opened));
        listener.on(List.of(opened));

        assertThat(signals.anyActiveRoutedTo(dossier(bsn), "regie")).isFalse();
    }

    @Test
    void a_household_signal_counts_for_every_member() {
        String mother = TestBsns.unique();
        String son = TestBsns.unique();

        listener.on(List.of(record(signal(UUID.randomUUID(), "GZ-01",
                "{\"household\":[\"" + mother + "\",\"" + son + "\"]}", List.of("regie"), "open", 1))));

        assertThat(signals.anyActiveRoutedTo(dossier(mother), "regie")).isTrue();
        assertThat(signals.anyActiveRoutedTo(dossier(son), "regie")).isTrue();
    }

    @Test
    void a_partner_sees_only_the_signals_routed_to_it_and_an_auditor_all() {
        String bsn = TestBsns.unique();
        UUID ketenmatch = UUID.randomUUID();
        UUID meervoudig = UUID.randomUUID();

        listener.on(List.of(
                record(signal(ketenmatch, "KM-01", "{\"bsn\":\"" + bsn + "\"}", List.of("wmo", "ggz"), "open", 1)),
                record(signal(meervoudig, "MP-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie"), "open", 1))));

        assertThat(signals.active(dossier(bsn), "wmo")).extracting(ClientSignal::signalId).containsExactly(ketenmatch);
        assertThat(signals.active(dossier(bsn), "regie")).extracting(ClientSignal::signalId).containsExactly(meervoudig);
        assertThat(signals.active(dossier(bsn), null)).extracting(ClientSignal::signalId)
                .containsExactlyInAnyOrder(ketenmatch, meervoudig);
        assertThat(signals.anyActiveRoutedTo(dossier(bsn), "regie")).isTrue();
    }

    @Test
    void an_unreadable_record_is_skipped_and_the_others_in_its_poll_are_kept() {
        String bsn = TestBsns.unique();
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        poll.add(new ConsumerRecord<>(Topics.SIGNALS, 0, offset++, "k", "not json".getBytes(StandardCharsets.UTF_8)));
        poll.add(record(signal(UUID.randomUUID(), "MP-01", "{\"bsn\":\"123456789\"}", List.of("regie"), "open", 1)));
        poll.add(record(signal(UUID.randomUUID(), "MP-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie"), "gesloten", 1)));
        poll.add(record(signal(UUID.randomUUID(), "MP-01", "{\"bsn\":\"" + bsn + "\"}", List.of("regie"), "open", 1)));

        listener.on(poll);

        assertThat(signals.active(dossier(bsn), null)).hasSize(1);
    }

    private static String dossier(String bsn) {
        return PSEUDONYMS.of(Bsn.parse(bsn));
    }

    private ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>(Topics.SIGNALS, 0, offset++, "subject", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A signal record as the signals service publishes it, its history {@code steps} long. */
    private static String signal(UUID id, String rule, String subject, List<String> routedTo, String status, int steps) {
        List<String> history = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            history.add("{\"status\":\"step-" + i + "\",\"at\":\"2026-03-0" + (i + 1) + "T10:00:00Z\"}");
        }
        return """
                {"signalId":"%s","ruleId":"%s","ruleVersion":1,"severity":"aandacht","subject":%s,
                 "raisedAt":"2026-03-01T10:00:00.123456Z","basedOn":[],"explanation":"…","routedTo":[%s],
                 "status":"%s","history":[%s]}""".formatted(id, rule, subject,
                String.join(",", routedTo.stream().map(r -> "\"" + r + "\"").toList()), status, String.join(",", history));
    }
}
