package org.steambytes.analytics.cycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steambytes.analytics.anomaly.Detector;
import org.steambytes.analytics.anomaly.DetectorSettings;
import org.steambytes.analytics.anomaly.DetectorState;
import org.steambytes.analytics.anomaly.ExaminedSensor;
import org.steambytes.analytics.anomaly.FoundAnomaly;
import org.steambytes.analytics.anomaly.SensorDetectors;
import org.steambytes.analytics.result.SiteResults;
import org.steambytes.analytics.site.AnalysedSite;
import org.steambytes.analytics.site.SiteAnalyticsConfig;
import org.steambytes.common.reading.SensorSeries;

/** Runs the detectors over each sensor of a site's window, with the site's parameters and the staleness just judged. */
final class SiteDetection {

    /** The site's new anomalies and its detectors' states after this window. */
    record Outcome(List<FoundAnomaly> anomalies, List<DetectorState> states) {
    }

    private SiteDetection() {
    }

    static Outcome run(AnalysedSite site, SiteResults results, List<SensorSeries> window,
            Map<String, Map<Detector, DetectorState>> before) {
        Map<String, SensorSeries> bySensor = new HashMap<>();
        window.forEach(series -> bySensor.put(series.sensorId(), series));
        DetectorSettings settings = settings(site.config());
        List<FoundAnomaly> anomalies = new ArrayList<>();
        List<DetectorState> states = new ArrayList<>();
        for (SiteResults.SensorResult sensor : results.sensors()) {
            SensorDetectors.Outcome outcome = SensorDetectors.examine(settings,
                    new ExaminedSensor(sensor.sensorId(), sensor.sensorType(), sensor.unit(), sensor.stale()),
                    bySensor.get(sensor.sensorId()), before.getOrDefault(sensor.sensorId(), SensorDetectors.noState()));
            anomalies.addAll(outcome.anomalies());
            states.addAll(outcome.states());
        }
        return new Outcome(anomalies, states);
    }

    static DetectorSettings settings(SiteAnalyticsConfig config) {
        return new DetectorSettings(config.windowMinutes(), config.zscoreThreshold(), config.zscoreConsecutive(),
                config.ewmaLambda(), config.ewmaLimitSigma(), config.cusumKSigma(), config.cusumHSigma());
    }
}
