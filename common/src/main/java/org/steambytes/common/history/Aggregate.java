package org.steambytes.common.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the readings of one history bucket become one value; each is an InfluxQL function of the same name. */
public enum Aggregate {
    MEAN, MIN, MAX, SUM, COUNT, LAST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregate> parse(String text) {
        return Arrays.stream(values()).filter(aggregate -> aggregate.wireName().equals(text)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Aggregate::wireName).toList());
    }
}
