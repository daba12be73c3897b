package org.steambytes.analytics.config;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The settable columns of {@code analytics_configs}, each under its column name in JSON, with its type
 * and the values it accepts (docs/DOMAIN.md "Efficiency" and "Analytics"; the table's CHECK constraints
 * and more: a window of at most a day, a plausible air temperature). Defaults are the columns' own.
 */
enum ConfigField {

    ENABLED("enabled", Type.BOOLEAN, false),
    WINDOW_MINUTES("window_minutes", Type.INTEGER, false),
    ZSCORE_THRESHOLD("zscore_threshold", Type.NUMBER, false),
    ZSCORE_CONSECUTIVE("zscore_consecutive", Type.INTEGER, false),
    EWMA_LAMBDA("ewma_lambda", Type.NUMBER, false),
    EWMA_LIMIT_SIGMA("ewma_limit_sigma", Type.NUMBER, false),
    CUSUM_K_SIGMA("cusum_k_sigma", Type.NUMBER, false),
    CUSUM_H_SIGMA("cusum_h_sigma", Type.NUMBER, false),
    EFFICIENCY_BASIS("efficiency_basis", Type.TEXT, false),
    CALORIFIC_VALUE_MJ("calorific_value_mj", Type.NUMBER, true),
    SIEGERT_A2("siegert_a2", Type.NUMBER, true),
    SIEGERT_B("siegert_b", Type.NUMBER, true),
    DRYNESS("dryness", Type.NUMBER, false),
    BLOWDOWN_PCT("blowdown_pct", Type.NUMBER, false),
    AIR_TEMPERATURE_C("air_temperature_c", Type.NUMBER, true);

    enum Type { BOOLEAN, INTEGER, NUMBER, TEXT }

    private static final Set<String> BASES = Set.of("net", "gross");

    private final String column;
    private final Type type;
    private final boolean nullable;

    ConfigField(String column, Type type, boolean nullable) {
        this.column = column;
        this.type = type;
        this.nullable = nullable;
    }

    /** Its column, which is also its JSON name. */
    String column() {
        return column;
    }

    Type type() {
        return type;
    }

    static Optional<ConfigField> ofColumn(String column) {
        for (ConfigField field : values()) {
            if (field.column.equals(column)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * The value as the column stores it (null only for a nullable field), or a problem: {@code error}
     * gets what is wrong, and the answer is then meaningless.
     */
    Object read(JsonNode node, StringBuilder error) {
        if (node.isNull()) {
            if (!nullable) {
                error.append("must not be null");
            }
            return null;
        }
        return switch (type) {
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    error.append("must be true or false");
                    yield null;
                }
                yield node.booleanValue();
            }
            case INTEGER -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    error.append("must be a whole number");
                    yield null;
                }
                yield check(node.intValue(), error);
            }
            case NUMBER -> {
                if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                    error.append("must be a finite number");
                    yield null;
                }
                yield check(node.doubleValue(), error);
            }
            case TEXT -> {
                if (!node.isString()) {
                    error.append("must be a string");
                    yield null;
                }
                yield check(node.stringValue(), error);
            }
        };
    }

    private Object check(Object value, StringBuilder error) {
        String problem = switch (this) {
            case WINDOW_MINUTES -> between((int) value, 1, 1440) ? null : "must be between 1 and 1440 (a day)";
            case ZSCORE_CONSECUTIVE -> (int) value >= 1 ? null : "must be at least 1";
            case ZSCORE_THRESHOLD, EWMA_LIMIT_SIGMA, CUSUM_H_SIGMA, CALORIFIC_VALUE_MJ ->
                    (double) value > 0 ? null : "must be greater than 0";
            case CUSUM_K_SIGMA, SIEGERT_A2, SIEGERT_B -> (double) value >= 0 ? null : "must be 0 or more";
            case EWMA_LAMBDA, DRYNESS -> (double) value > 0 && (double) value <= 1 ? null
                    : "must be greater than 0 and at most 1";
            case BLOWDOWN_PCT -> (double) value >= 0 && (double) value < 100 ? null : "must be at least 0 and below 100";
            case AIR_TEMPERATURE_C -> (double) value >= -60 && (double) value <= 100 ? null
                    : "must be between -60 and 100 °C";
            case EFFICIENCY_BASIS -> BASES.contains(value) ? null : "must be net or gross";
            case ENABLED -> null;
        };
        if (problem != null) {
            error.append(problem);
        }
        return value;
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
