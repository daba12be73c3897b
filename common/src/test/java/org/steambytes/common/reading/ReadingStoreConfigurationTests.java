package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steambytes.testsupport.RealStores;

/** steambytes.readings.store chooses the store and its health in one place, for the services that use one. */
class ReadingStoreConfigurationTests {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReadingStoreConfiguration.class))
            .withPropertyValues("steambytes.readings.retention.raw=" + RealStores.RAW_RETENTION);

    @Test
    void retentionDefaultsToThirtyDaysRawAYearOfMinutesAndHoursForever() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ReadingStoreConfiguration.class))
                .withUserConfiguration(UsesReadings.class)
                .withPropertyValues("steambytes.readings.store=postgres").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Retention.class))
                            .isEqualTo(new Retention(Duration.ofDays(30), Duration.ofDays(365), null));
                });
        services.withUserConfiguration(UsesReadings.class).withPropertyValues("steambytes.readings.store=postgres",
                "steambytes.readings.retention.minute=90d", "steambytes.readings.retention.hour=").run(context ->
                assertThat(context.getBean(Retention.class)).as("an empty RETENTION_1H is forever")
                        .isEqualTo(new Retention(Duration.ofDays(3650), Duration.ofDays(90), null)));
        services.withUserConfiguration(UsesReadings.class).withPropertyValues("steambytes.readings.store=postgres",
                "steambytes.readings.retention.hour=0s").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("retention of hour must be positive"));
    }

    @Test
    void theStoreIsInfluxDbWhenNothingIsSet() {
        services.withUserConfiguration(UsesReadings.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ReadingStore.class)).isInstanceOf(InfluxReadingStore.class);
            assertThat(context).hasBean("influxHealthIndicator").doesNotHaveBean("postgresHealthIndicator");
            assertThat(((InfluxReadingStore) context.getBean(ReadingStore.class)).database())
                    .isEqualTo(RealStores.runInfluxDatabase());
        });
    }

    @Test
    void theStoreIsTheServicesPostgreSqlWhenAskedFor() {
        RealStores.migrateRunDatabase();
        services.withUserConfiguration(UsesReadings.class).withPropertyValues("steambytes.readings.store=postgres")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ReadingStore.class)).isInstanceOf(PostgresReadingStore.class);
                    assertThat(context).hasBean("postgresHealthIndicator").doesNotHaveBean("influxHealthIndicator");
                    assertThat(context.getBean(ReadingStore.class).isAvailable()).isTrue();
                });
    }

    @Test
    void aServiceWithoutReadingsGetsNoStore() {
        services.withPropertyValues("steambytes.readings.store=postgres").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ReadingStore.class).doesNotHaveBean("postgresHealthIndicator");
        });
    }

    @Test
    void anUnknownStoreStopsTheServiceNamingTheSetting() {
        services.withUserConfiguration(UsesReadings.class).withPropertyValues("steambytes.readings.store=mongodb")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("steambytes.readings.store"));
    }

    @Configuration(proxyBeanMethods = false)
    static class UsesReadings {

        @Bean
        ReadingStoreSettings readingStoreSettings() {
            return new ReadingStoreSettings(new InfluxSettings(RealStores.influxUrl(), null, "steambytes",
                    RealStores.runInfluxDatabase(), Duration.ofSeconds(10)), Duration.ofSeconds(5));
        }

        @Bean
        DataSource dataSource() {
            return PostgresReadingStoreTests.dataSource("127.0.0.1", RealStores.postgresPort(), RealStores.runDatabase(),
                    RealStores.postgresUser(), RealStores.postgresPassword());
        }
    }
}
