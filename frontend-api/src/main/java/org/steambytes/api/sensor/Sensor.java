package org.steambytes.api.sensor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A measuring point of a site, with the range outside which its readings are physically invalid. */
@Entity
@Table(name = "sensors")
class Sensor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, length = 63)
    private String siteId;

    @Column(name = "sensor_id", nullable = false, length = 63)
    private String sensorId;

    @Column(name = "sensor_type", nullable = false, length = 40)
    private String sensorType;

    @Column(nullable = false, length = 20)
    private String unit;

    @Column(name = "min_valid", nullable = false)
    private double minValid;

    @Column(name = "max_valid", nullable = false)
    private double maxValid;

    @Column(name = "expected_interval_s", nullable = false)
    private int expectedIntervalSeconds;

    @Column(length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Sensor() {
    }

    Sensor(String siteId, String sensorId, Instant now) {
        this.siteId = siteId;
        this.sensorId = sensorId;
        this.createdAt = now;
    }

    void update(SensorDetails details, Instant now) {
        this.sensorType = details.sensorType();
        this.unit = details.unit();
        this.minValid = details.minValid();
        this.maxValid = details.maxValid();
        this.expectedIntervalSeconds = details.expectedIntervalS();
        this.name = details.name();
        this.updatedAt = now;
    }

    SensorView view() {
        return new SensorView(siteId, sensorId, sensorType, unit, minValid, maxValid, expectedIntervalSeconds, name,
                createdAt, updatedAt);
    }
}
