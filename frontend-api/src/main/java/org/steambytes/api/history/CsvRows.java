package org.steambytes.api.history;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 lines of an export: CRLF line ends, a field quoted only when it holds a comma, quote or line
 * break. A row is a bucket: its start in UTC and in the site's zone, then one value per sensor (empty when
 * the sensor has none).
 */
final class CsvRows {

    private final Writer out;
    private final ZoneId zone;
    private final int columns;

    CsvRows(Writer out, ZoneId zone, int columns) {
        this.out = out;
        this.zone = zone;
        this.columns = columns;
    }

    void header(List<String> sensorIds) throws IOException {
        out.write("time_utc,time_local");
        for (String sensorId : sensorIds) {
            out.write(',');
            out.write(field(sensorId));
        }
        out.write("\r\n");
    }

    /** {@code values} holds one cell per sensor, null for none. */
    void row(Instant bucket, Double[] values) throws IOException {
        out.write(DateTimeFormatter.ISO_INSTANT.format(bucket));
        out.write(',');
        out.write(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(bucket, zone)));
        for (int i = 0; i < columns; i++) {
            out.write(',');
            if (values[i] != null) {
                out.write(number(values[i]));
            }
        }
        out.write("\r\n");
    }

    /** Rows in bucket order; a bucket in which no sensor has a reading is left out. */
    void rows(Map<Instant, Double[]> buckets, boolean countsZeroAsEmpty) throws IOException {
        for (Map.Entry<Instant, Double[]> bucket : buckets.entrySet()) {
            if (hasReading(bucket.getValue(), countsZeroAsEmpty)) {
                row(bucket.getKey(), bucket.getValue());
            }
        }
    }

    private static boolean hasReading(Double[] values, boolean countsZeroAsEmpty) {
        for (Double value : values) {
            if (value != null && !(countsZeroAsEmpty && value == 0)) {
                return true;
            }
        }
        return false;
    }

    /** As written, without an exponent: {@code 10.7}, {@code 11}, {@code 0.0001}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
