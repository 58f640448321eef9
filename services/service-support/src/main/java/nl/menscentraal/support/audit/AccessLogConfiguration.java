package nl.menscentraal.support.audit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** One access log per process, whichever services it runs: every service that reads client data writes to it. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
public class AccessLogConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessLog accessLog(JdbcTemplate jdbc, Clock clock) {
        return new AccessLog(jdbc, clock);
    }
}
