package nl.menscentraal.support.schema;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Each service owns its tables and migrates them with its own Flyway history, so services can share one
 * PostgreSQL server (the local run) or have one each (production) without their migrations colliding.
 */
public final class ServiceSchema {

    private ServiceSchema() {
    }

    /** Applies {@code classpath:db/<service>/V*.sql}, tracked in {@code flyway_history_<service>}. */
    public static void migrate(DataSource dataSource, String service) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + service)
                .table("flyway_history_" + service.replace('-', '_'))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
