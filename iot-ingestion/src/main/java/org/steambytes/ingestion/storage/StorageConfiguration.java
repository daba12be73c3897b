package org.steambytes.ingestion.storage;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.ReadingStoreSettings;
import org.steambytes.common.reading.Retention;
import org.steambytes.ingestion.IngestionProperties;

/** The reading store's settings (InfluxDB or PostgreSQL, chosen by common) and the spool-first pipeline in front of it. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** common's ReadingStoreConfiguration makes the store (InfluxDB or PostgreSQL) from these. */
    @Bean
    ReadingStoreSettings readingStoreSettings(IngestionProperties properties) {
        // Ingestion gives up on a slow write after influxWriteTimeout and retries it from the spool.
        return new ReadingStoreSettings(properties.influx(), properties.ingestion().influxWriteTimeout());
    }

    @Bean(destroyMethod = "close")
    ReadingPipeline readingPipeline(ReadingStore store, StoredReadingsListener listener, IngestionProperties properties,
            MeterRegistry meters) throws IOException {
        IngestionProperties.Ingestion settings = properties.ingestion();
        return ReadingPipeline.open(store, listener, Path.of(settings.spool().directory()),
                settings.spool().maxSize().toBytes(), settings.spool().segmentSize().toBytes(),
                settings.maxWriteReadings(), meters);
    }

    /**
     * Retention of the readings and rollup tables when the readings are in PostgreSQL (§2); idle for
     * InfluxDB, whose retention policies the store keeps. Raw: INGESTION_RETENTION, as ingestion refuses.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    ReadingRetention readingRetention(ReadingStore store, IngestionProperties properties, Retention retention,
            Clock clock) {
        return new ReadingRetention(store, new Retention(properties.ingestion().retention(), retention.minute(),
                retention.hour()), clock);
    }

    /** The history's 1-minute and hourly rollups, computed here because iot-ingestion is the store's one writer (§2). */
    @Bean(initMethod = "start", destroyMethod = "close")
    ReadingRollups readingRollups(ReadingStore store, ReadingPipeline pipeline, IngestionProperties properties,
            Retention retention, Clock clock) {
        IngestionProperties.Rollup rollup = properties.ingestion().rollup();
        return new ReadingRollups(store, pipeline.earliestShipped(), retention, rollup.every(), rollup.lookBack(), clock);
    }
}
