package org.steambytes.api.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson's {@link Instant} writer with a faster way to the same text. Jackson writes an {@code Instant} without
 * a {@code @JsonFormat} pattern as {@link Instant#toString()} ({@code DateTimeFormatter.ISO_INSTANT}), which was
 * a third of the time spent writing the alerts list (docs/PERFORMANCE.md "Read path", third pass). The years
 * 0000–9999 are written here by hand into the same characters — {@code yyyy-MM-ddTHH:mm:ssZ}, the fraction in
 * 3, 6 or 9 digits as ISO_INSTANT prints it, none when zero —; every other year, a {@code @JsonFormat}
 * pattern, timestamps, truncation and time-zone settings go through Jackson's own code as before.
 */
@Configuration(proxyBeanMethods = false)
public class IsoInstants {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years ISO_INSTANT prints with four digits and no sign. */
    static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    @Bean
    JsonMapperBuilderCustomizer isoInstantWriter() {
        return builder -> builder.addModule(new SimpleModule("iso-instants").addSerializer(Instant.class, new Writer()));
    }

    /** What {@link Instant#toString()} answers, for every instant. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        char[] text = new char[30];
        digits(text, 0, 4, date.getYear());
        text[4] = '-';
        digits(text, 5, 2, date.getMonthValue());
        text[7] = '-';
        digits(text, 8, 2, date.getDayOfMonth());
        text[10] = 'T';
        digits(text, 11, 2, secondOfDay / 3600);
        text[13] = ':';
        digits(text, 14, 2, secondOfDay / 60 % 60);
        text[16] = ':';
        digits(text, 17, 2, secondOfDay % 60);
        int length = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            text[length++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(text, length, 3, nano / 1_000_000);
                length += 3;
            } else if (nano % 1_000 == 0) {
                digits(text, length, 6, nano / 1_000);
                length += 6;
            } else {
                digits(text, length, 9, nano);
                length += 9;
            }
        }
        text[length++] = 'Z';
        return new String(text, 0, length);
    }

    private static void digits(char[] text, int at, int count, int value) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Jackson's own serializer; only its last step, the text of an unformatted instant, is {@link #format}. Its
     * copies for a property (a {@code @JsonFormat}, per-property features) are made as Jackson makes them, but
     * stay this class: without a pattern they write through {@link #format}, with one through Jackson's code.
     */
    static final class Writer extends InstantSerializer {

        Writer() {
            super();
        }

        private Writer(Writer base, DateTimeFormatter formatter, Boolean useTimestamp, Boolean useNanoseconds,
                JsonFormat.Shape shape) {
            super(base, formatter, useTimestamp, useNanoseconds, shape);
        }

        @Override
        protected InstantSerializer withFormat(DateTimeFormatter formatter, Boolean useTimestamp,
                JsonFormat.Shape shape) {
            return new Writer(this, formatter, useTimestamp, _useNanoseconds, shape);
        }

        @Override
        protected InstantSerializer withFeatures(Boolean writeZoneId, Boolean writeNanoseconds) {
            return new Writer(this, _formatter, _useTimestamp, writeNanoseconds, _shape);
        }

        @Override
        protected String formatValue(Instant value, SerializationContext context) {
            return _formatter == null ? format(value) : super.formatValue(value, context);
        }
    }
}
