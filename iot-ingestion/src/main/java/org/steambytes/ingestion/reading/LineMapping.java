package org.steambytes.ingestion.reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.ingestion.sensor.SiteSensors;

/**
 * Which sensor a line's field is a reading of. The rule, for every field of every line:
 * <ol>
 * <li>a line with a {@code sensor_id} tag: its {@code value} field is a reading of that sensor; its
 *     other fields are no reading;</li>
 * <li>otherwise the field {@code value} is a reading of the sensor named like the measurement, and any
 *     other field {@code f} of the sensor named {@code <measurement>-<f>};</li>
 * </ol>
 * names made sensor-id-like: lower case, every run of characters other than {@code a-z} and
 * {@code 0-9} one dash ({@code boiler1,host=gw1 steam_pressure=10.4} is sensor
 * {@code boiler1-steam-pressure}). A field naming no sensor of the site is skipped and counted, as is
 * every field besides {@code value} of a tagged line: Telegraf sends fields nobody maps. A string
 * field naming a sensor is an error; a boolean is read as 1 or 0.
 */
final class LineMapping {

    /** The mapped readings; {@code sources[i]} says where reading i came from; what was skipped and why. */
    record Mapped(List<IncomingReading> readings, List<String> sources, List<Integer> lines, int skipped,
            List<FieldProblem> skipReasons, List<FieldProblem> errors) {
    }

    static final int MAX_LISTED_SKIPS = 20;

    private final Map<String, String> names = new HashMap<>();

    Mapped map(List<LinePoint> points, SiteSensors sensors) {
        List<IncomingReading> readings = new ArrayList<>(points.size());
        List<String> sources = new ArrayList<>(points.size());
        List<Integer> lines = new ArrayList<>(points.size());
        List<FieldProblem> skipReasons = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        int skipped = 0;
        for (LinePoint point : points) {
            Instant timestamp = point.timestampMillis() == null ? null : Instant.ofEpochMilli(point.timestampMillis());
            for (LineField field : point.fields()) {
                String sensorId = sensorOf(point, field);
                if (sensorId == null || sensors.find(sensorId) == null) {
                    skipped++;
                    if (skipReasons.size() < MAX_LISTED_SKIPS) {
                        skipReasons.add(FieldProblem.at(point.line(), "line " + point.line(), sensorId == null
                                ? "field '" + field.key() + "' of a line with a sensor_id tag: only 'value' is read"
                                : "field '" + field.key() + "' of '" + point.measurement() + "' names no sensor '"
                                        + sensorId + "' at this site"));
                    }
                    continue;
                }
                String source = "field '" + field.key() + "' of '" + point.measurement() + "', sensor '" + sensorId + "'";
                if (!field.numeric()) {
                    errors.add(FieldProblem.at(point.line(), "line " + point.line(),
                            source + ": a string is no reading; send a number"));
                    continue;
                }
                readings.add(new IncomingReading(sensorId, field.value(), timestamp));
                sources.add(source);
                lines.add(point.line());
            }
        }
        return new Mapped(readings, sources, lines, skipped, skipReasons, errors);
    }

    private String sensorOf(LinePoint point, LineField field) {
        boolean value = field.key().equals("value");
        if (point.sensorTag() != null) {
            return value ? point.sensorTag() : null;
        }
        String raw = value ? point.measurement() : point.measurement() + "-" + field.key();
        return names.computeIfAbsent(raw, LineMapping::slug);
    }

    /** Lower case, each run of other characters than a-z and 0-9 one dash, none at either end. */
    static String slug(String name) {
        StringBuilder slug = new StringBuilder(name.length());
        boolean dash = false;
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return slug.toString();
    }
}
