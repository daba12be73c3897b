package org.steambytes.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.steambytes.simulator.client.GatewayReading;
import org.steambytes.simulator.client.IngestionClient;
import org.steambytes.simulator.log.Log;
import org.steambytes.simulator.signal.BoilerModel;
import org.steambytes.simulator.signal.SensorValue;

/**
 * One simulated site's gateway: steps its boiler model and posts the readings through iot-ingestion,
 * live (one batch per step) or catching up on the past in batches of at most 5,000 readings
 * (docs/API.md "Gateways"). A refused token is renewed once by {@code renewToken} when there is one.
 */
public final class SiteFeed {

    private final String siteId;
    private final String sensorPrefix;
    private final BoilerModel model;
    private final IngestionClient ingestion;
    private final Supplier<String> renewToken;
    private final AtomicLong accepted = new AtomicLong();
    private volatile String token;

    public SiteFeed(String siteId, String sensorPrefix, String token, BoilerModel model, IngestionClient ingestion,
            Supplier<String> renewToken) {
        this.siteId = siteId;
        this.sensorPrefix = sensorPrefix;
        this.token = token;
        this.model = model;
        this.ingestion = ingestion;
        this.renewToken = renewToken;
    }

    public String siteId() {
        return siteId;
    }

    public BoilerModel model() {
        return model;
    }

    /** Readings accepted (202) so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Posts the readings of every step from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public void backfill(Instant from, Instant to, Duration step) {
        int stepsPerBatch = Math.max(1, IngestionClient.MAX_READINGS / Math.max(1, model.sensors().size()));
        List<GatewayReading> batch = new ArrayList<>();
        int steps = 0;
        long before = accepted.get();
        for (Instant at = from; at.isBefore(to); at = at.plus(step)) {
            batch.addAll(readings(model.step(at)));
            if (++steps == stepsPerBatch) {
                post(batch);
                batch = new ArrayList<>();
                steps = 0;
            }
        }
        if (!batch.isEmpty()) {
            post(batch);
        }
        Log.info("back-filled " + (accepted.get() - before) + " readings at " + siteId + " from " + from + " to " + to);
    }

    /** One live step: the readings at {@code at}, posted as one batch. */
    public IngestionClient.Outcome tick(Instant at) {
        return post(readings(model.step(at)));
    }

    private IngestionClient.Outcome post(List<GatewayReading> batch) {
        IngestionClient.Outcome outcome = ingestion.post(siteId, token, batch);
        if (outcome == IngestionClient.Outcome.UNAUTHENTICATED && renewToken != null) {
            token = renewToken.get();
            outcome = ingestion.post(siteId, token, batch);
        }
        if (outcome == IngestionClient.Outcome.ACCEPTED) {
            accepted.addAndGet(batch.size());
        }
        return outcome;
    }

    private List<GatewayReading> readings(List<SensorValue> values) {
        List<GatewayReading> readings = new ArrayList<>(values.size());
        for (SensorValue value : values) {
            readings.add(new GatewayReading(value.sensor().sensorId(sensorPrefix), value.value(), value.at()));
        }
        return readings;
    }
}
