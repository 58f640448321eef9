package nl.menscentraal.dossier;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dossier service ({@code mens-centraal.dossier.*}).
 *
 * @param pseudonymSecret     the platform secret that keys BSN pseudonyms (the dossier's aggregate ids).
 *                            No default: a deployment must set it, and must never change it, or every
 *                            client's history would split in two.
 * @param consumerGroup       Kafka consumer group of the partner-events consumer; instances of the dossier
 *                            share it and split the partitions
 * @param consumerConcurrency consumer threads per instance (at most the number of partitions is useful)
 * @param consumePartnerEvents whether this instance consumes partner events; off for an instance that only
 *                            serves reads and projections
 * @param aggregateCacheSize  how many client dossiers to keep in memory between facts (0: load every dossier
 *                            from the event store each time). A dossier takes a few KiB.
 * @param leanAxon            leave out Axon defaults that cost CPU per event without serving the dossier
 *                            (per-message metrics, correlation metadata; see {@code AxonTuning}); default on
 */
@Validated
@ConfigurationProperties("mens-centraal.dossier")
public record DossierProperties(
        @NotBlank @Size(min = 16) String pseudonymSecret,
        @NotBlank String consumerGroup,
        @Min(1) int consumerConcurrency,
        boolean consumePartnerEvents,
        @Min(0) int aggregateCacheSize,
        boolean leanAxon) {
}
