package org.steambytes.ingestion.reading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads InfluxDB line protocol ({@code measurement[,tag=v...] field=v[,field=v...] [timestamp]}) in one
 * pass over the bytes. Escapes as InfluxDB has them: {@code \,} and {@code \ } in the measurement, also
 * {@code \=} in tag keys, tag values and field keys, {@code \"} and {@code \\} in string fields. Empty
 * lines and {@code #} comments are skipped. The first malformed line stops the read with a
 * {@link LineProtocolException} naming it: a batch is stored whole or not at all.
 */
final class LineProtocolParser {

    static final String SENSOR_TAG = "sensor_id";

    private final byte[] body;
    private final int length;
    private final TimePrecision precision;
    private final StringBuilder text = new StringBuilder(64);
    private int pos;
    private int lineEnd;
    private int lineNumber;
    private int lineStart;

    private LineProtocolParser(byte[] body, int length, TimePrecision precision) {
        this.body = body;
        this.length = length;
        this.precision = precision;
    }

    static List<LinePoint> parse(byte[] body, int length, TimePrecision precision) {
        return new LineProtocolParser(body, length, precision).lines();
    }

    private List<LinePoint> lines() {
        List<LinePoint> points = new ArrayList<>(Math.max(16, length / 64));
        int start = 0;
        while (start < length) {
            lineNumber++;
            int end = start;
            while (end < length && body[end] != '\n') {
                end++;
            }
            lineStart = start;
            lineEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
            pos = start;
            while (pos < lineEnd && (body[pos] == ' ' || body[pos] == '\t')) {
                pos++;
            }
            if (pos < lineEnd && body[pos] != '#') {
                points.add(line());
            }
            start = end + 1;
        }
        return points;
    }

    private LinePoint line() {
        String measurement = token(false, "measurement");
        if (measurement.isEmpty()) {
            throw error("missing measurement");
        }
        if (pos >= lineEnd) {
            throw error("missing fields");
        }
        String sensorTag = null;
        while (body[pos] == ',') {
            pos++;
            String key = token(true, "tag key");
            if (pos >= lineEnd || body[pos] != '=') {
                throw error("missing tag value");
            }
            if (key.isEmpty()) {
                throw error("missing tag key");
            }
            pos++;
            String value = token(true, "tag value");
            if (value.isEmpty()) {
                throw error("missing tag value");
            }
            if (pos >= lineEnd) {
                throw error("missing fields");
            }
            if (key.equals(SENSOR_TAG)) {
                sensorTag = value;
            }
        }
        skipSpaces();
        if (pos >= lineEnd) {
            throw error("missing fields");
        }
        List<LineField> fields = new ArrayList<>(4);
        while (true) {
            String key = token(true, "field key");
            if (pos >= lineEnd || body[pos] != '=') {
                throw error("missing field value");
            }
            if (key.isEmpty()) {
                throw error("missing field key");
            }
            pos++;
            fields.add(fieldValue(key));
            if (pos < lineEnd && body[pos] == ',') {
                pos++;
                continue;
            }
            break;
        }
        Long timestamp = null;
        skipSpaces();
        if (pos < lineEnd) {
            timestamp = timestamp();
        }
        return new LinePoint(lineNumber, measurement, sensorTag, List.copyOf(fields), timestamp);
    }

    /** A measurement, key or tag value up to the next unescaped separator (comma, space, and for keys '='). */
    private String token(boolean stopAtEquals, String what) {
        int start = pos;
        boolean escaped = false;
        while (pos < lineEnd) {
            byte b = body[pos];
            if (b == '\\' && pos + 1 < lineEnd && isEscapable(body[pos + 1], stopAtEquals)) {
                escaped = true;
                pos += 2;
                continue;
            }
            if (b == ',' || b == ' ' || (stopAtEquals && b == '=')) {
                break;
            }
            if (b == '\t') {
                throw error("unexpected tab in " + what);
            }
            pos++;
        }
        if (!escaped) {
            return new String(body, start, pos - start, StandardCharsets.UTF_8);
        }
        String raw = new String(body, start, pos - start, StandardCharsets.UTF_8);
        text.setLength(0);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isEscapable((byte) raw.charAt(i + 1), stopAtEquals)) {
                c = raw.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    private static boolean isEscapable(byte next, boolean equalsToo) {
        return next == ',' || next == ' ' || (equalsToo && next == '=');
    }

    private LineField fieldValue(String key) {
        if (pos >= lineEnd) {
            throw error("missing field value");
        }
        if (body[pos] == '"') {
            pos++;
            while (pos < lineEnd && body[pos] != '"') {
                pos += body[pos] == '\\' && pos + 1 < lineEnd ? 2 : 1;
            }
            if (pos >= lineEnd) {
                throw error("unbalanced quotes");
            }
            pos++;
            if (pos < lineEnd && body[pos] != ',' && body[pos] != ' ') {
                throw error("invalid field format");
            }
            return new LineField(key, Double.NaN, LineField.Kind.STRING);
        }
        int start = pos;
        while (pos < lineEnd && body[pos] != ',' && body[pos] != ' ') {
            pos++;
        }
        if (pos == start) {
            throw error("missing field value");
        }
        String raw = new String(body, start, pos - start, StandardCharsets.ISO_8859_1);
        return switch (raw) {
            case "t", "T", "true", "True", "TRUE" -> new LineField(key, 1, LineField.Kind.BOOLEAN);
            case "f", "F", "false", "False", "FALSE" -> new LineField(key, 0, LineField.Kind.BOOLEAN);
            default -> new LineField(key, number(raw, key), LineField.Kind.NUMBER);
        };
    }

    private double number(String raw, String key) {
        char suffix = raw.charAt(raw.length() - 1);
        if (suffix == 'i' || suffix == 'u') {
            String digits = raw.substring(0, raw.length() - 1);
            if (!isInteger(digits, suffix == 'i')) {
                throw error("invalid number in field '" + key + "'");
            }
            try {
                return suffix == 'i' ? Long.parseLong(digits) : Long.parseUnsignedLong(digits);
            } catch (NumberFormatException e) {
                throw error("value out of range in field '" + key + "'");
            }
        }
        if (!isFloat(raw)) {
            throw error("invalid number in field '" + key + "'");
        }
        return Double.parseDouble(raw);
    }

    private static boolean isInteger(String s, boolean signed) {
        int i = signed && !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** InfluxDB's float syntax: optional sign, digits with an optional point, optional exponent; no NaN or Inf. */
    private static boolean isFloat(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private long timestamp() {
        int start = pos;
        while (pos < lineEnd && body[pos] != ' ') {
            pos++;
        }
        String raw = new String(body, start, pos - start, StandardCharsets.ISO_8859_1);
        skipSpaces();
        if (pos < lineEnd || !isInteger(raw, true)) {
            throw error("bad timestamp");
        }
        try {
            return precision.toMillis(Long.parseLong(raw));
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("time outside range");
        }
    }

    private void skipSpaces() {
        while (pos < lineEnd && body[pos] == ' ') {
            pos++;
        }
    }

    private LineProtocolException error(String reason) {
        int shown = Math.min(lineEnd - lineStart, 200);
        String line = new String(body, lineStart, shown, StandardCharsets.UTF_8) + (shown < lineEnd - lineStart ? "…" : "");
        return new LineProtocolException(lineNumber, "unable to parse '" + line + "': " + reason);
    }
}
