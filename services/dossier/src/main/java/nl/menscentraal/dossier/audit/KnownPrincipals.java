package nl.menscentraal.dossier.audit;

import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Principals as the platform came to know them. Credentials are checked per request and never stored, so the
 * access log is where the platform learns a principal's role and organisation: every read writes them, granted or
 * refused.
 */
@Component
class KnownPrincipals {

    private final JdbcTemplate jdbc;

    KnownPrincipals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The principal with the role and organisation of its latest access-log entry at or before {@code asOf} (a
     * role or organisation can change over the years); failing that, when {@code asOf} is before its first read, of
     * its earliest entry: the nearest the platform knows. Empty for a principal the platform has never seen.
     */
    Optional<Caller> asOf(String principal, Instant asOf) {
        return first("""
                SELECT role, organisation FROM access_log WHERE principal = ? AND at <= ?
                ORDER BY at DESC, id DESC LIMIT 1""", principal, principal, Timestamp.from(asOf))
                .or(() -> first("""
                        SELECT role, organisation FROM access_log WHERE principal = ?
                        ORDER BY at, id LIMIT 1""", principal, principal));
    }

    private Optional<Caller> first(String sql, String principal, Object... args) {
        return jdbc.query(sql, (rs, n) -> new Caller(principal, Role.fromCode(rs.getString("role")),
                rs.getString("organisation")), args).stream().findFirst();
    }
}
