package nl.menscentraal.bench;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.EnvelopeJson;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The raw PostgreSQL ceiling: the same rows the event store would hold (one per event, the same payload
 * size), inserted with plain JDBC in 100-row batch transactions. Nothing that stores events can beat it.
 */
final class CeilingPhase {

    private final Report report;

    CeilingPhase(Report report) {
        this.report = report;
    }

    void run(List<LoadGenerator.Client> clients) throws Exception {
        try (var infra = EmbeddedPlatformInfrastructure.start(Benchmark.tempDir("ceiling"), 0, 0);
             Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl() + "&reWriteBatchedInserts=true",
                     infra.postgres().username(), infra.postgres().password())) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE ceiling (globalindex BIGSERIAL PRIMARY KEY, aggregateidentifier VARCHAR(255) NOT NULL,
                            sequencenumber BIGINT NOT NULL, type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL UNIQUE,
                            metadata BYTEA, payload BYTEA NOT NULL, payloadrevision VARCHAR(255),
                            payloadtype VARCHAR(255) NOT NULL, timestamp VARCHAR(255) NOT NULL,
                            UNIQUE (aggregateidentifier, sequencenumber))""");
            }
            c.setAutoCommit(false);
            int rows = Benchmark.count(clients);
            // the rows are made before the clock starts: only the database's work is timed
            List<byte[]> payloads = new java.util.ArrayList<>(rows);
            List<String> ids = new java.util.ArrayList<>(rows);
            for (LoadGenerator.Client client : clients) {
                for (var event : client.events()) {
                    payloads.add(EnvelopeJson.mapper().writeValueAsBytes(event));
                    ids.add(UUID.randomUUID().toString());
                }
            }
            byte[] metadata = "{}".getBytes(StandardCharsets.UTF_8);
            String timestamp = Instant.now().toString();
            var meter = new ResourceMeter();
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO ceiling (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                        payloadtype, timestamp) VALUES (?, ?, 'ClientDossier', ?, ?, ?, ?, ?)""")) {
                int inBatch = 0;
                int row = 0;
                for (LoadGenerator.Client client : clients) {
                    String aggregate = "dossier-" + client.bsn();
                    long seq = 0;
                    for (int e = 0; e < client.events().size(); e++, row++) {
                        insert.setString(1, aggregate);
                        insert.setLong(2, seq++);
                        insert.setString(3, ids.get(row));
                        insert.setBytes(4, metadata);
                        insert.setBytes(5, payloads.get(row));
                        insert.setString(6, "nl.menscentraal.dossier.chain.api.ChainEventRecorded");
                        insert.setString(7, timestamp);
                        insert.addBatch();
                        if (++inBatch == 100) {
                            insert.executeBatch();
                            c.commit();
                            inBatch = 0;
                        }
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("ceiling", "raw PostgreSQL, 100-row batch transactions", rows / seconds, "rows/s", meter.usage());
            meter.close();
        }
    }
}
