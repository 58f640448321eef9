package nl.menscentraal.signals.delivery.webhook;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.signals.delivery.webhook.WebhookSubscriptions.Delivery;
import nl.menscentraal.signals.delivery.webhook.WebhookSubscriptions.Subscription;
import nl.menscentraal.support.schema.ServiceSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook delivery against a real PostgreSQL and real HTTP receivers, without a Spring context.
 *
 * <p>The delivery table is shared with every other test in this JVM and the worker scans all of it. So each test
 * has its own organisation, and its own stretch of time, each earlier than the one before and long before any
 * real clock: no test's worker finds another's rows due. Every test ends with its rows delivered or parked.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebhookDeliveryTest {

    private static final String SECRET = "a-secret-of-enough-length";
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final AtomicInteger TESTS = new AtomicInteger();

    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager transactionManager;

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final String organisation = "org-" + UUID.randomUUID();
    private final MovableClock clock = new MovableClock(LONG_AGO.minus(Duration.ofDays(30L * TESTS.getAndIncrement())));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebhookProperties properties = new WebhookProperties(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMinutes(5), 10, Duration.ofSeconds(2), 50);

    private WebhookSubscriptions subscriptions;
    private WebhookDeliveries deliveries;
    private WebhookWorker worker;

    @BeforeAll
    static void database() {
        var postgres = EmbeddedPlatformInfrastructure.shared().postgres();
        var dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        ServiceSchema.migrate(dataSource, "signals");
        jdbc = new JdbcTemplate(dataSource);
        transactionManager = new DataSourceTransactionManager(dataSource);
    }

    @BeforeEach
    void components() {
        subscriptions = new WebhookSubscriptions(jdbc, clock);
        deliveries = new WebhookDeliveries(jdbc, clock);
        worker = new WebhookWorker(jdbc, transactionManager, clock, meters, properties);
    }

    @AfterEach
    void leaveNothingPending() {
        for (int round = 0; round < properties.maxAttempts() && pendingOfThisTest() > 0; round++) {
            clock.advance(Duration.ofDays(1));
            worker.deliverDue();
        }
        receivers.forEach(WebhookReceiver::close);
        assertThat(pendingOfThisTest()).isZero();
    }

    @Nested
    class A_delivered_change {

        @Test
        void is_signed_so_the_receiver_can_verify_it_over_the_exact_bytes_it_received() {
            WebhookReceiver receiver = receiver(204);
            subscribe(receiver.url(), null, null);
            SignalDelivery change = change(UUID.randomUUID(), "open", "HU-01", "urgent");

            deliveries.enqueue(change);
            int attempted = worker.deliverDue();

            assertThat(attempted).isEqualTo(1);
            assertThat(receiver.received()).singleElement().satisfies(request -> {
                assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(change.body());
                assertThat(request.contentType()).isEqualTo("application/json");
                assertThat(request.signature()).isEqualTo("sha256=" + hmacSha256Hex(SECRET, request.body()));
                assertThat(request.signature()).isNotEqualTo("sha256=" + hmacSha256Hex("another-secret-entirely", request.body()));
            });
        }

        @Test
        void is_counted_as_ok_and_recorded_as_delivered() {
            WebhookReceiver receiver = receiver(200);
            Subscription subscription = subscribe(receiver.url(), null, null);
            UUID signalId = UUID.randomUUID();

            deliveries.enqueue(change(signalId, "open", "MP-01", "aandacht"));
            worker.deliverDue();

            assertThat(subscriptions.deliveries(subscription.id(), "delivered")).singleElement().satisfies(d -> {
                assertThat(d.signalId()).isEqualTo(signalId);
                assertThat(d.signalStatus()).isEqualTo("open");
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.deliveredAt()).isEqualTo(clock.instant());
                assertThat(d.lastError()).isNull();
            });
            assertThat(deliveryCount("ok")).isEqualTo(1);
        }
    }

    @Nested
    class Given_a_receiver_that_fails_three_times_then_accepts {

        @Test
        void the_change_is_accepted_once_on_the_fourth_attempt() {
            WebhookReceiver receiver = receiver(200, 503, 503, 503);
            Subscription subscription = subscribe(receiver.url(), null, null);
            UUID signalId = UUID.randomUUID();
            deliveries.enqueue(change(signalId, "open", "MP-01", "aandacht"));

            worker.deliverDue();
            for (int attempt = 2; attempt <= 4; attempt++) {
                moveToNextAttemptOf(subscription);
                worker.deliverDue();
            }
            clock.advance(Duration.ofHours(1));
            worker.deliverDue();

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::answeredWith)
                    .containsExactly(503, 503, 503, 200);
            assertThat(receiver.accepted()).hasSize(1);
            assertThat(subscriptions.deliveries(subscription.id(), null)).singleElement().satisfies(d -> {
                assertThat(d.state()).isEqualTo("delivered");
                assertThat(d.attempts()).isEqualTo(4);
                assertThat(d.signalId()).isEqualTo(signalId);
            });
            assertThat(deliveryCount("failed")).isEqualTo(3);
            assertThat(deliveryCount("ok")).isEqualTo(1);
        }

        @Test
        void each_retry_waits_twice_as_long_and_is_not_made_before_its_time() {
            WebhookReceiver receiver = receiver(200, 503, 503, 503);
            Subscription subscription = subscribe(receiver.url(), null, null);
            deliveries.enqueue(change(UUID.randomUUID(), "open", "MP-01", "aandacht"));
            worker.deliverDue();

            List<Duration> waits = new ArrayList<>();
            for (int attempt = 2; attempt <= 4; attempt++) {
                Delivery pending = only(subscription);
                assertThat(pending.lastError()).isEqualTo("HTTP 503");
                waits.add(Duration.between(clock.instant(), pending.nextAttemptAt()));
                int before = receiver.received().size();

                clock.set(pending.nextAttemptAt().minusMillis(1));
                worker.deliverDue();
                assertThat(receiver.received()).as("requests a moment before attempt %d is due", attempt).hasSize(before);

                clock.set(pending.nextAttemptAt());
                worker.deliverDue();
                assertThat(receiver.received()).as("requests once attempt %d is due", attempt).hasSize(before + 1);
            }

            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Nested
    class Given_a_receiver_that_always_fails {

        @Test
        void the_delivery_is_parked_after_exactly_ten_attempts_and_listed_as_parked() {
            WebhookReceiver receiver = receiver(500);
            Subscription subscription = subscribe(receiver.url(), null, null);
            UUID signalId = UUID.randomUUID();
            deliveries.enqueue(change(signalId, "in-behandeling", "SH-01", "aandacht"));

            worker.deliverDue();
            for (int attempt = 2; attempt <= 10; attempt++) {
                moveToNextAttemptOf(subscription);
                worker.deliverDue();
            }
            clock.advance(Duration.ofDays(7));
            worker.deliverDue();

            assertThat(receiver.received()).hasSize(10);
            assertThat(subscriptions.deliveries(subscription.id(), "parked")).singleElement().satisfies(d -> {
                assertThat(d.signalId()).isEqualTo(signalId);
                assertThat(d.signalStatus()).isEqualTo("in-behandeling");
                assertThat(d.attempts()).isEqualTo(10);
                assertThat(d.lastError()).isEqualTo("HTTP 500");
                assertThat(d.deliveredAt()).isNull();
            });
            assertThat(subscriptions.deliveries(subscription.id(), "pending")).isEmpty();
            assertThat(deliveryCount("failed")).isEqualTo(9);
            assertThat(deliveryCount("parked")).isEqualTo(1);
        }

        @Test
        void the_wait_between_attempts_stops_growing_at_the_maximum_backoff() {
            assertThat(List.of(1, 2, 3, 9, 10, 100, Integer.MAX_VALUE)).extracting(worker::backoff).containsExactly(
                    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(256),
                    Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
        }
    }

    @Nested
    class Given_an_unreachable_receiver {

        @Test
        void an_attempt_counts_as_a_failure_and_is_tried_again_later() {
            Subscription subscription = subscribe(WebhookReceiver.unreachableUrl(), null, null);
            deliveries.enqueue(change(UUID.randomUUID(), "open", "AF-01", "aandacht"));

            int attempted = worker.deliverDue();

            assertThat(attempted).isEqualTo(1);
            assertThat(only(subscription)).satisfies(d -> {
                assertThat(d.state()).isEqualTo("pending");
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.lastError()).isEqualTo("ConnectException");
                assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));
            });
            assertThat(deliveryCount("failed")).isEqualTo(1);
        }
    }

    @Nested
    class Enqueueing {

        @Test
        void the_same_signal_and_status_twice_gives_one_delivery() {
            Subscription subscription = subscribe(WebhookReceiver.unreachableUrl(), null, null);
            SignalDelivery change = change(UUID.randomUUID(), "open", "MP-01", "aandacht");

            deliveries.enqueue(change);
            deliveries.enqueue(change);

            assertThat(subscriptions.deliveries(subscription.id(), null)).hasSize(1);
        }

        @Test
        void every_new_status_of_a_signal_is_a_delivery_of_its_own() {
            Subscription subscription = subscribe(WebhookReceiver.unreachableUrl(), null, null);
            UUID signalId = UUID.randomUUID();

            deliveries.enqueue(change(signalId, "open", "MP-01", "aandacht"));
            deliveries.enqueue(change(signalId, "in-behandeling", "MP-01", "aandacht"));
            deliveries.enqueue(change(signalId, "afgehandeld", "MP-01", "aandacht"));

            assertThat(subscriptions.deliveries(subscription.id(), "pending")).extracting(Delivery::signalStatus)
                    .containsExactly("afgehandeld", "in-behandeling", "open");
        }

        @Test
        void only_subscriptions_of_a_routed_organisation_whose_filters_pass_get_the_change() {
            String url = WebhookReceiver.unreachableUrl();
            Subscription everything = subscribe(url, null, null);
            Subscription thisRuleAtThisSeverity = subscribe(url, List.of("HU-01", "MP-01"), "aandacht");
            Subscription otherRules = subscribe(url, List.of("HU-01"), null);
            Subscription higherSeverity = subscribe(url, null, "urgent");
            Subscription otherOrganisation = subscriptions.create("other-" + UUID.randomUUID(), "test", url, SECRET,
                    null, null);

            deliveries.enqueue(change(UUID.randomUUID(), "open", "MP-01", "aandacht"));

            assertThat(subscriptions.deliveries(everything.id(), null)).hasSize(1);
            assertThat(subscriptions.deliveries(thisRuleAtThisSeverity.id(), null)).hasSize(1);
            assertThat(subscriptions.deliveries(otherRules.id(), null)).isEmpty();
            assertThat(subscriptions.deliveries(higherSeverity.id(), null)).isEmpty();
            assertThat(subscriptions.deliveries(otherOrganisation.id(), null)).isEmpty();
        }

        @Test
        void a_minimum_severity_lets_every_higher_severity_through() {
            Subscription urgentAndUp = subscribe(WebhookReceiver.unreachableUrl(), null, "urgent");

            deliveries.enqueue(change(UUID.randomUUID(), "open", "HU-01", "kritiek"));
            deliveries.enqueue(change(UUID.randomUUID(), "open", "HU-01", "urgent"));
            deliveries.enqueue(change(UUID.randomUUID(), "open", "KM-01", "info"));

            assertThat(subscriptions.deliveries(urgentAndUp.id(), null)).hasSize(2);
        }
    }

    private WebhookReceiver receiver(int otherwise, Integer... first) {
        WebhookReceiver receiver = new WebhookReceiver(otherwise, first);
        receivers.add(receiver);
        return receiver;
    }

    private Subscription subscribe(String url, List<String> ruleIds, String minSeverity) {
        return subscriptions.create(organisation, "test", url, SECRET, ruleIds, minSeverity);
    }

    /** A change routed to this test's organisation (and regie); the body has non-ASCII text, signed as UTF-8. */
    private SignalDelivery change(UUID signalId, String status, String ruleId, String severity) {
        String body = """
                {"signalId":"%s","ruleId":"%s","severity":"%s","status":"%s",\
                "explanation":"Ontruiming aangezegd op 2026-10-01 (schuldhulp); geen ontruiming voorkomen. – één"}"""
                .formatted(signalId, ruleId, severity, status);
        return new SignalDelivery(signalId, status, ruleId, severity, List.of("regie-" + organisation, organisation), body);
    }

    private Delivery only(Subscription subscription) {
        List<Delivery> all = subscriptions.deliveries(subscription.id(), null);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void moveToNextAttemptOf(Subscription subscription) {
        clock.set(only(subscription).nextAttemptAt());
    }

    private double deliveryCount(String outcome) {
        return meters.get("mens-centraal.signal.deliveries").tag("channel", "webhook").tag("outcome", outcome)
                .counter().count();
    }

    private int pendingOfThisTest() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE s.organisation = ? AND d.state = 'pending'""", Integer.class, organisation);
    }

    /** Computed here, not with the worker's code: this is what a subscriber would do. */
    private static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
