package dev.leadport.users;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in PostgreSQL (Spring Session JDBC) write less than their default: a request that only moves a session's
 * last access time writes it at most once a {@link #TOUCH_EVERY}. Otherwise every signed-in page view would commit
 * a write, and under a heavy import that commit waits for the WAL flush behind the import's (measured: lead-list p95
 * during four imports rose from 85 ms to 164 ms). A session may so expire up to that much before its timeout.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfig.class);

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /**
     * Spring Session's update with the same parameters in the same order (session id, last access time, max inactive
     * interval, expiry time, principal name, primary id), that changes the row only when something besides the last
     * access time changed, or that time moved on by {@link #TOUCH_EVERY}.
     */
    static final String UPDATE_SESSION = """
            UPDATE %TABLE_NAME% AS s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                         CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                         CAST(? AS VARCHAR(100)) AS principal_name) AS v
            WHERE s.PRIMARY_ID = ?
              AND (s.SESSION_ID <> v.session_id
                   OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.LAST_ACCESS_TIME >= %TOUCH_MILLIS%)
            """.replace("%TOUCH_MILLIS%", Long.toString(TOUCH_EVERY.toMillis()));

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> touchSessionsLessOften() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION);
    }

    /**
     * Session attributes are Java-serialised. One that this version cannot read (written by an older or newer
     * version during a rolling upgrade, or damaged) counts as absent, so its browser is asked to sign in again
     * instead of getting an error on every request until the cookie goes.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> forgetUnreadableAttributes() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializer = new DeserializingConverter(SessionStoreConfig.class.getClassLoader());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A session attribute could not be read and is ignored: {}", e.getMessage());
                return null;
            }
        });
        return repository -> repository.setConversionService(conversions);
    }
}
