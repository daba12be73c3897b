package org.steambytes.ingestion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.security.InternalApiSettings;

/** Every setting of iot-ingestion, bound from {@code steambytes.*} and validated at start-up. */
@Validated
@ConfigurationProperties("steambytes")
public record IngestionProperties(
        @Valid @NotNull InternalApiSettings internal,
        @Valid @NotNull InfluxSettings influx,
        @Valid @NotNull @DefaultValue Ingestion ingestion,
        @Valid @NotNull @DefaultValue Mqtt mqtt) {

    /**
     * @param maxReadings     readings in one request before 413
     * @param maxBytes        request body size before 413
     * @param retention       how old a reading may be (older ones are refused, 422)
     * @param futureTolerance how far ahead of the server clock a timestamp may be (gateway clock skew)
     * @param metadataTtl     how long gateway tokens and sensor metadata are trusted before a re-read
     * @param spool           the local spool every accepted batch is fsynced to before its 202
     * @param maxWriteReadings the most readings coalesced into one InfluxDB write
     * @param influxWriteTimeout after this, a write counts as failed and is retried from the spool
     * @param acceptTimeout   how long a request waits for its readings to be spooled before 503
     * @param stream          the Redis stream of accepted readings
     * @param rollup          the job computing the history's rollups
     */
    public record Ingestion(
            @Min(1) @Max(100_000) @DefaultValue("5000") int maxReadings,
            @NotNull @DefaultValue("1MB") DataSize maxBytes,
            @NotNull @DefaultValue("30d") Duration retention,
            @NotNull @DefaultValue("5m") Duration futureTolerance,
            @NotNull @DefaultValue("30s") Duration metadataTtl,
            @Valid @NotNull @DefaultValue Spool spool,
            @Min(100) @DefaultValue("50000") int maxWriteReadings,
            @NotNull @DefaultValue("5s") Duration influxWriteTimeout,
            @NotNull @DefaultValue("30s") Duration acceptTimeout,
            @Valid @NotNull @DefaultValue Stream stream,
            @Valid @NotNull @DefaultValue Rollup rollup) {
    }

    /**
     * @param every    how often the closed minutes and hours are rolled up
     * @param lookBack how far back each run recomputes (readings arrive late); older windows are
     *                 recomputed when this replica writes readings that old
     */
    public record Rollup(
            @NotNull @DefaultValue("1m") Duration every,
            @NotNull @DefaultValue("2m") Duration lookBack) {

        public Rollup {
            if (every != null && (every.isZero() || every.isNegative())) {
                throw new IllegalArgumentException("steambytes.ingestion.rollup.every (INGESTION_ROLLUP_EVERY) must be"
                        + " positive, was " + every);
            }
            if (every != null && lookBack != null && lookBack.compareTo(every) < 0) {
                // A shorter look-back than the period would leave minutes between two runs never rolled up.
                throw new IllegalArgumentException("steambytes.ingestion.rollup.look-back (INGESTION_ROLLUP_LOOK_BACK)"
                        + " must be at least the period " + every + ", was " + lookBack);
            }
        }
    }

    /**
     * @param directory where the spool's segment files live (one spool per replica)
     * @param maxSize   spool size at which requests get 503 with Retry-After
     * @param segmentSize size at which a new segment file is started
     */
    public record Spool(
            @NotBlank @DefaultValue("data/spool") String directory,
            @NotNull @DefaultValue("1GB") DataSize maxSize,
            @NotNull @DefaultValue("64MB") DataSize segmentSize) {
    }

    /**
     * @param maxLength approximate MAXLEN of the stream (entries; one entry per accepted batch, so the
     *                  default keeps about a million readings, ~100 MB of Redis memory)
     * @param backlogReadings readings kept in memory for the stream while Redis is down; beyond it a counted gap
     */
    public record Stream(
            @Min(100) @DefaultValue("10000") long maxLength,
            @Min(0) @DefaultValue("500000") int backlogReadings) {
    }

    /**
     * The MQTT subscriber (off while {@code url} is blank).
     *
     * @param url          the broker, e.g. {@code tcp://127.0.0.1:1883} ({@code MQTT_URL})
     * @param topicPrefix  first topic level(s): readings arrive on {@code <prefix>/<site_id>/<gateway_id>/readings}
     * @param sharedGroup  the shared-subscription group, so that replicas split the messages
     * @param clientId     this replica's client id; blank for {@code steambytes-ingestion-<host name>}
     * @param username     the broker login of the service itself, if the broker wants one
     * @param password     its password
     * @param cleanSession false keeps the session (and unacknowledged messages) across reconnects
     * @param workers      messages handled at once (each waits for its batch to be durable)
     */
    public record Mqtt(
            @DefaultValue("") String url,
            @NotBlank @DefaultValue("steambytes") String topicPrefix,
            @NotBlank @DefaultValue("steambytes") String sharedGroup,
            @DefaultValue("") String clientId,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("false") boolean cleanSession,
            @Min(1) @Max(256) @DefaultValue("16") int workers) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
