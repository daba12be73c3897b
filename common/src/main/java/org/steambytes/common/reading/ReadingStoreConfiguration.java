package org.steambytes.common.reading;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that chooses the reading store (docs/ARCHITECTURE.md §2, §3): for a service that
 * declares {@link ReadingStoreSettings}, an {@link InfluxReadingStore} with health "influx" when
 * {@code steambytes.readings.store} is {@code influx} or unset, a {@link PostgresReadingStore} on the
 * service's own DataSource with health "postgres" when it is {@code postgres}. The health's name is
 * the store's, so a readiness group can include {@code ${steambytes.readings.store:influx}}. Either
 * store is given the {@link Retention} of each resolution and the service's {@link Clock} (the system
 * clock without one), which choose the resolution a history is read from.
 */
@AutoConfiguration
@ConditionalOnBean(ReadingStoreSettings.class)
@EnableConfigurationProperties({ReadingStoreKind.class, Retention.class})
public class ReadingStoreConfiguration {

    static final String PROPERTY = "steambytes.readings.store";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "influx", matchIfMissing = true)
    static class Influx {

        @Bean(destroyMethod = "close")
        InfluxReadingStore readingStore(ReadingStoreSettings settings, Retention retention,
                ObjectProvider<Clock> clock) {
            return InfluxReadingStore.connect(settings.influxWithTimeout(), retention,
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        InfluxHealthIndicator influxHealthIndicator(InfluxReadingStore store) {
            return new InfluxHealthIndicator(store);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "postgres")
    static class Postgres {

        @Bean
        PostgresReadingStore readingStore(DataSource dataSource, ReadingStoreSettings settings, Retention retention,
                ObjectProvider<Clock> clock) {
            return new PostgresReadingStore(dataSource, settings.timeout(), retention,
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        PostgresHealthIndicator postgresHealthIndicator(PostgresReadingStore store) {
            return new PostgresHealthIndicator(store);
        }
    }
}
