package org.steambytes.ingestion.storage;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.ingestion.IngestionProperties;

/** The reading store (InfluxDB) and the spool-first pipeline in front of it. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean(destroyMethod = "close")
    InfluxReadingStore readingStore(IngestionProperties properties) {
        // Ingestion gives up on a slow write after influxWriteTimeout and spools the readings instead.
        InfluxSettings influx = properties.influx();
        return InfluxReadingStore.connect(new InfluxSettings(influx.url(), influx.token(), influx.org(),
                influx.bucket(), properties.ingestion().influxWriteTimeout()));
    }

    @Bean(destroyMethod = "close")
    ReadingPipeline readingPipeline(InfluxReadingStore store, IngestionProperties properties, MeterRegistry meters)
            throws IOException {
        IngestionProperties.Ingestion settings = properties.ingestion();
        return ReadingPipeline.open(store, Path.of(settings.spool().directory()),
                settings.spool().maxSize().toBytes(), settings.spool().segmentSize().toBytes(),
                settings.maxWriteReadings(), meters);
    }
}
