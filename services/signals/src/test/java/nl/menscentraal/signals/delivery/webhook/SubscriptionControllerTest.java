package nl.menscentraal.signals.delivery.webhook;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.signals.delivery.webhook.SubscriptionController.NewSubscription;
import nl.menscentraal.signals.delivery.webhook.SubscriptionController.SubscriptionView;
import nl.menscentraal.support.schema.ServiceSchema;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** Who may subscribe for whom, and what a request must hold; the controller called directly on a real database. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubscriptionControllerTest {

    private static final String URL = "https://hooks.example.org/mens-centraal?token=abc";
    private static final String SECRET = "a-secret-of-enough-length";

    private static SubscriptionController controller;

    /** Organisations are made up per test, so the shared table's other rows never show up in a listing. */
    private final String organisation = "org-" + UUID.randomUUID();
    private final Caller partner = new Caller("svc-test", Role.PARTNER, organisation);

    @BeforeAll
    static void database() {
        var postgres = EmbeddedPlatformInfrastructure.shared().postgres();
        var dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        ServiceSchema.migrate(dataSource, "signals");
        controller = new SubscriptionController(new WebhookSubscriptions(new JdbcTemplate(dataSource),
                new MovableClock(Instant.parse("2026-11-23T10:00:00Z"))));
    }

    @Nested
    class Subscribing {

        @Test
        void a_partner_subscribes_for_its_own_organisation_and_never_gets_the_secret_back() {
            SubscriptionView created = controller.subscribe(partner,
                    new NewSubscription(URL, SECRET, List.of("HU-01"), "urgent", null));

            assertThat(created.organisation()).isEqualTo(organisation);
            assertThat(created.callbackUrl()).isEqualTo(URL);
            assertThat(created.ruleIds()).containsExactly("HU-01");
            assertThat(created.minSeverity()).isEqualTo("urgent");
            assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
            assertThat(Arrays.stream(SubscriptionView.class.getRecordComponents()).map(c -> c.getName()))
                    .doesNotContain("secret");
            assertThat(controller.list(partner).subscriptions()).containsExactly(created);
        }

        @Test
        void every_bad_field_is_named_at_once_without_repeating_what_was_sent() {
            assertThatThrownBy(() -> controller.subscribe(partner,
                    new NewSubscription("ftp://files.example.org/x", "too-short", List.of("HU-01", " "), "hoog", null)))
                    .asInstanceOf(type(ProblemException.class)).satisfies(e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.errors()).extracting(FieldError::field)
                                .containsExactlyInAnyOrder("callbackUrl", "secret", "minSeverity", "ruleIds");
                        assertThat(e.errors()).extracting(FieldError::message)
                                .noneMatch(m -> m.contains("ftp") || m.contains("too-short") || m.contains("hoog"));
                    });
        }

        @Test
        void a_relative_url_and_a_missing_secret_are_refused() {
            assertThatThrownBy(() -> controller.subscribe(partner, new NewSubscription("/hooks", null, null, null, null)))
                    .asInstanceOf(type(ProblemException.class))
                    .extracting(ProblemException::errors, list(FieldError.class)).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("callbackUrl", "secret");
        }

        @Test
        void a_partner_may_not_subscribe_for_another_organisation() {
            assertThatThrownBy(() -> controller.subscribe(partner, new NewSubscription(URL, SECRET, null, null, "ggz")))
                    .asInstanceOf(type(ProblemException.class))
                    .extracting(ProblemException::status).isEqualTo(HttpStatus.FORBIDDEN);
        }

        @Test
        void an_auditor_may_not_subscribe() {
            Caller auditor = new Caller("auditor-1", Role.AUDITOR, "toezicht");
            assertThatThrownBy(() -> controller.subscribe(auditor, new NewSubscription(URL, SECRET, null, null, null)))
                    .asInstanceOf(type(ProblemException.class))
                    .extracting(ProblemException::status).isEqualTo(HttpStatus.FORBIDDEN);
        }

        @Test
        void an_operator_must_name_an_organisation_signals_are_routed_to() {
            Caller operator = new Caller("operator-1", Role.OPERATOR, "beheer");

            assertThatThrownBy(() -> controller.subscribe(operator, new NewSubscription(URL, SECRET, null, null, null)))
                    .asInstanceOf(type(ProblemException.class))
                    .extracting(ProblemException::errors, list(FieldError.class))
                    .extracting(FieldError::field).containsExactly("organisation");
            assertThat(controller.subscribe(operator, new NewSubscription(URL, SECRET, null, null, "schuldhulp"))
                    .organisation()).isEqualTo("schuldhulp");
        }
    }

    @Nested
    class Listing_deliveries {

        @Test
        void of_another_organisations_subscription_is_not_found() {
            UUID id = controller.subscribe(partner, new NewSubscription(URL, SECRET, null, null, null)).id();
            Caller stranger = new Caller("svc-other", Role.PARTNER, "other-" + UUID.randomUUID());

            assertThatThrownBy(() -> controller.deliveries(stranger, id, null))
                    .asInstanceOf(type(ProblemException.class))
                    .extracting(ProblemException::status).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(controller.deliveries(partner, id, "parked").deliveries()).isEmpty();
            assertThat(controller.deliveries(new Caller("operator-1", Role.OPERATOR, "beheer"), id, null).deliveries())
                    .isEmpty();
        }

        @Test
        void with_an_unknown_status_is_refused() {
            UUID id = controller.subscribe(partner, new NewSubscription(URL, SECRET, null, null, null)).id();

            assertThatThrownBy(() -> controller.deliveries(partner, id, "failed"))
                    .asInstanceOf(type(ProblemException.class))
                    .extracting(ProblemException::status).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }
}
