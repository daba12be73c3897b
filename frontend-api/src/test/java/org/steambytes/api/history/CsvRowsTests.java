package org.steambytes.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRowsTests {

    @ParameterizedTest
    @CsvSource({"10.7, 10.7", "11.0, 11", "0.0, 0", "-3.25, -3.25", "1.0E-4, 0.0001", "1.5E10, 15000000000"})
    void numbersAsWrittenWithoutExponent(double value, String written) {
        assertThat(CsvRows.number(value)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"b1-o2|b1-o2", "a,b|\"a,b\"", "say \"hi\"|\"say \"\"hi\"\"\""})
    void fieldsAreQuotedOnlyWhenTheyMustBe(String text, String field) {
        assertThat(CsvRows.field(text)).isEqualTo(field);
    }

    @Test
    void rowsHaveBothTimesEmptyCellsAndLeaveOutBucketsWithoutAnyReading() throws IOException {
        StringWriter out = new StringWriter();
        CsvRows rows = new CsvRows(out, ZoneId.of("Europe/Berlin"), 2);
        Map<Instant, Double[]> buckets = new TreeMap<>();
        buckets.put(Instant.parse("2026-03-29T00:00:00Z"), new Double[] {1.5, null});
        buckets.put(Instant.parse("2026-03-29T01:00:00Z"), new Double[] {null, null});
        buckets.put(Instant.parse("2026-03-29T02:00:00Z"), new Double[] {null, 4.0});

        rows.header(List.of("p", "t,1"));
        rows.rows(buckets, false);

        assertThat(out.toString()).isEqualTo("time_utc,time_local,p,\"t,1\"\r\n"
                + "2026-03-29T00:00:00Z,2026-03-29T01:00:00+01:00,1.5,\r\n"
                + "2026-03-29T02:00:00Z,2026-03-29T04:00:00+02:00,,4\r\n");
    }

    @Test
    void countsOfZeroEverywhereAreABucketWithoutReadings() throws IOException {
        StringWriter out = new StringWriter();
        CsvRows rows = new CsvRows(out, ZoneId.of("UTC"), 2);
        Map<Instant, Double[]> buckets = new TreeMap<>();
        buckets.put(Instant.parse("2026-01-01T00:00:00Z"), new Double[] {0.0, 0.0});
        buckets.put(Instant.parse("2026-01-01T01:00:00Z"), new Double[] {0.0, 2.0});

        rows.rows(buckets, true);

        assertThat(out.toString()).isEqualTo("2026-01-01T01:00:00Z,2026-01-01T01:00:00Z,0,2\r\n");
    }
}
