package org.steambytes.common.reading;

import java.time.Duration;

/**
 * What a service that reads or writes readings declares as a bean to be given a {@link ReadingStore}
 * ({@link ReadingStoreConfiguration} chooses which): where InfluxDB is, used when the store is
 * InfluxDB, and how long one call to the store may take, whichever store it is.
 */
public record ReadingStoreSettings(InfluxSettings influx, Duration timeout) {

    /** The InfluxDB settings with this call timeout. */
    public InfluxSettings influxWithTimeout() {
        return new InfluxSettings(influx.url(), influx.token(), influx.org(), influx.bucket(), timeout);
    }
}
