package org.steambytes.ingestion.reading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.reading.Reading;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.gateway.Gateway;
import org.steambytes.ingestion.live.LiveReadings;
import org.steambytes.ingestion.log.IngestionLogWriter;
import org.steambytes.ingestion.sensor.SensorDirectory;
import org.steambytes.ingestion.sensor.SensorSpec;
import org.steambytes.ingestion.sensor.SiteSensors;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.ingestion.storage.StorageUnavailableException;

/**
 * A gateway's batch from body to durable storage: parse, check the site, validate every reading,
 * store durably (202 only after that), then — off the request's path — refresh the live caches,
 * publish to the stream and write the ingestion log. A refused batch stores nothing.
 */
@Component
public class ReadingIntake {

    private final BatchParser parser;
    private final BatchValidator validator;
    private final SensorDirectory sensors;
    private final ReadingPipeline pipeline;
    private final LiveReadings live;
    private final IngestionLogWriter ingestionLog;
    private final Clock clock;
    private final Duration acceptTimeout;
    private final Counter accepted;
    private final MeterRegistry meters;

    ReadingIntake(IngestionProperties properties, SensorDirectory sensors, ReadingPipeline pipeline, LiveReadings live,
            IngestionLogWriter ingestionLog, Clock clock, MeterRegistry meters) {
        IngestionProperties.Ingestion settings = properties.ingestion();
        this.parser = new BatchParser(settings.maxReadings());
        this.validator = new BatchValidator(settings.retention(), settings.futureTolerance());
        this.sensors = sensors;
        this.pipeline = pipeline;
        this.live = live;
        this.ingestionLog = ingestionLog;
        this.clock = clock;
        this.acceptTimeout = settings.acceptTimeout();
        this.meters = meters;
        this.accepted = Counter.builder("ingestion.readings.accepted").baseUnit("readings").register(meters);
    }

    public AcceptedBatch accept(Gateway gateway, byte[] body, int length) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        IncomingBatch batch;
        try {
            batch = parser.parse(body, length);
        } catch (ProblemException e) {
            reject(gateway, now, started, 0, codeOf(e), errorsOf(e));
            throw e;
        }
        if (batch.siteId() != null && !batch.siteId().equals(gateway.siteId())) {
            reject(gateway, now, started, batch.readings().size(), "foreign_site",
                    List.of(FieldProblem.of("site_id", "not the gateway's site")));
            throw BatchRejections.foreignSite(batch.siteId(), gateway.siteId());
        }
        SiteSensors siteSensors = sensors.sensorsOf(gateway.siteId());
        List<FieldProblem> errors = validator.validate(batch.readings(), siteSensors, now);
        if (hasUnknownSensor(errors)) {
            siteSensors = sensors.recheckSensorsOf(gateway.siteId()); // a sensor may have been added just now
            errors = validator.validate(batch.readings(), siteSensors, now);
        }
        if (!errors.isEmpty()) {
            reject(gateway, now, started, batch.readings().size(), "invalid_readings", errors);
            throw BatchRejections.invalid(errors);
        }
        List<Reading> readings = toReadings(batch.readings(), siteSensors, gateway.siteId(), now);
        return store(gateway, now, started, readings, siteSensors, 0, List.of());
    }

    /**
     * Valid readings to durable storage, then (off the request's path) the live caches, the stream and
     * the log. {@code skipped} readings (line protocol fields that map to no sensor) are only logged.
     */
    AcceptedBatch store(Gateway gateway, Instant now, long started, List<Reading> readings, SiteSensors siteSensors,
            int skipped, List<FieldProblem> skipReasons) {
        UUID batchId = BatchIds.next();
        if (!readings.isEmpty()) {
            awaitDurable(readings);
            accepted.increment(readings.size());
            live.publish(gateway.siteId(), batchId, readings, siteSensors);
        }
        ingestionLog.accepted(batchId, gateway, now, readings.size(), skipped, skipReasons,
                !pipeline.isInfluxAvailable(), System.nanoTime() - started);
        return new AcceptedBatch(readings.size(), batchId);
    }

    private void awaitDurable(List<Reading> readings) {
        try {
            pipeline.submit(readings).get(acceptTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageUnavailableException unavailable && unavailable.spoolFull()) {
                rejected("spool_full", readings.size());
                throw BatchRejections.storageFull(30);
            }
            rejected("storage_error", readings.size());
            throw BatchRejections.notDurableInTime(5);
        } catch (TimeoutException e) {
            // It may still become durable; a re-sent batch overwrites the same points, so retrying is safe.
            rejected("storage_timeout", readings.size());
            throw BatchRejections.notDurableInTime(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BatchRejections.notDurableInTime(5);
        }
    }

    static List<Reading> toReadings(List<IncomingReading> incomings, SiteSensors sensors, String siteId, Instant now) {
        List<Reading> readings = new ArrayList<>(incomings.size());
        for (IncomingReading incoming : incomings) {
            SensorSpec spec = sensors.find(incoming.sensorId());
            readings.add(new Reading(siteId, spec.sensorId(), spec.sensorType(), incoming.value(),
                    incoming.timestamp() != null ? incoming.timestamp() : now));
        }
        return readings;
    }

    void reject(Gateway gateway, Instant now, long started, int count, String reason,
            List<FieldProblem> errors) {
        rejected(reason, count);
        ingestionLog.rejected(BatchIds.next(), gateway, now, count, errors, System.nanoTime() - started);
    }

    private void rejected(String reason, int count) {
        Counter.builder("ingestion.readings.rejected").baseUnit("readings").tag("reason", reason)
                .register(meters).increment(count);
    }

    static String codeOf(ProblemException e) {
        Map<String, Object> properties = e.getBody().getProperties();
        return properties != null && properties.get("code") instanceof String code ? code : "refused";
    }

    @SuppressWarnings("unchecked")
    static List<FieldProblem> errorsOf(ProblemException e) {
        Map<String, Object> properties = e.getBody().getProperties();
        return properties != null && properties.get("errors") instanceof List<?> errors
                ? (List<FieldProblem>) errors
                : List.of(FieldProblem.of("body", e.getBody().getDetail()));
    }

    private static boolean hasUnknownSensor(List<FieldProblem> errors) {
        return errors.stream().anyMatch(e -> e.field().endsWith(".sensor_id"));
    }
}
