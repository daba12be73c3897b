package org.steambytes.api.sensor;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SensorRepository extends JpaRepository<Sensor, Long> {

    Page<Sensor> findBySiteId(String siteId, Pageable pageable);

    java.util.List<Sensor> findBySiteIdOrderBySensorId(String siteId);

    Optional<Sensor> findBySiteIdAndSensorId(String siteId, String sensorId);

    boolean existsBySiteIdAndSensorId(String siteId, String sensorId);
}
