package org.steambytes.ingestion.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineProtocolParserTests {

    @Test
    void readsMeasurementSensorTagFieldsAndTimestamp() {
        List<LinePoint> points = parse("boiler,site=plant-a,sensor_id=b1-o2 value=3.5,count=7i,ok=t 1764237600123000000\n",
                TimePrecision.NANOSECONDS);

        assertThat(points).hasSize(1);
        LinePoint point = points.get(0);
        assertThat(point.line()).isEqualTo(1);
        assertThat(point.measurement()).isEqualTo("boiler");
        assertThat(point.sensorTag()).isEqualTo("b1-o2");
        assertThat(point.fields()).containsExactly(new LineField("value", 3.5, LineField.Kind.NUMBER),
                new LineField("count", 7, LineField.Kind.NUMBER), new LineField("ok", 1, LineField.Kind.BOOLEAN));
        assertThat(point.timestampMillis()).isEqualTo(1764237600123L);
    }

    @Test
    void leavesTheTimestampOutWhenTheLineHasNone() {
        assertThat(parse("b1-o2 value=3", TimePrecision.SECONDS).get(0).timestampMillis()).isNull();
        assertThat(parse("b1-o2 value=3   ", TimePrecision.SECONDS).get(0).timestampMillis()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "1764237600123456789, NANOSECONDS, 1764237600123",
            "1764237600123456, MICROSECONDS, 1764237600123",
            "1764237600123, MILLISECONDS, 1764237600123",
            "1764237600, SECONDS, 1764237600000",
            "29403960, MINUTES, 1764237600000",
            "490066, HOURS, 1764237600000",
            "-1, NANOSECONDS, -1",
            "-1500000, NANOSECONDS, -2"})
    void keepsTimestampsToTheMillisecondFlooringFinerOnes(long timestamp, TimePrecision precision, long millis) {
        assertThat(parse("m value=1 " + timestamp, precision).get(0).timestampMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({"n, NANOSECONDS", "ns, NANOSECONDS", "u, MICROSECONDS", "us, MICROSECONDS", "µ, MICROSECONDS",
            "ms, MILLISECONDS", "s, SECONDS", "m, MINUTES", "h, HOURS"})
    void knowsInfluxPrecisionNames(String name, TimePrecision precision) {
        assertThat(TimePrecision.of(name)).isEqualTo(precision);
        assertThat(TimePrecision.of(null)).isEqualTo(TimePrecision.NANOSECONDS);
        assertThat(TimePrecision.of("d")).isNull();
    }

    @Test
    void readsEscapesInMeasurementTagsAndFieldKeys() {
        LinePoint point = parse("boiler\\ room\\,1,sensor_id=b1\\ o2\\=x\\,y,k\\=ey=v f\\ ie\\=ld=1,s=\"a \\\"b\\\", c=d\" 1",
                TimePrecision.MILLISECONDS).get(0);

        assertThat(point.measurement()).isEqualTo("boiler room,1");
        assertThat(point.sensorTag()).isEqualTo("b1 o2=x,y");
        assertThat(point.fields()).extracting(LineField::key).containsExactly("f ie=ld", "s");
        assertThat(point.fields().get(1).kind()).isEqualTo(LineField.Kind.STRING);
        assertThat(point.timestampMillis()).isEqualTo(1L);
    }

    @Test
    void readsEveryNumberAndBooleanSpelling() {
        LinePoint point = parse("m a=1,b=-1.5,c=1e3,d=+2.5E-1,e=.5,f=-12i,g=18446744073709551615u,h=true,i=F,j=FALSE,k=True",
                TimePrecision.NANOSECONDS).get(0);

        assertThat(point.fields()).extracting(LineField::value)
                .containsExactly(1.0, -1.5, 1000.0, 0.25, 0.5, -12.0, -1.0, 1.0, 0.0, 0.0, 1.0);
    }

    @Test
    void skipsEmptyLinesCommentsAndCarriageReturnsButCountsThemAsLines() {
        List<LinePoint> points = parse("# telegraf\r\n\r\n   \nm value=1\r\n  m value=2 5\n", TimePrecision.SECONDS);

        assertThat(points).extracting(LinePoint::line).containsExactly(4, 5);
        assertThat(points.get(1).timestampMillis()).isEqualTo(5000L);
        assertThat(parse("", TimePrecision.SECONDS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "m",
            "m ",
            "m,",
            "m,t=1",
            "m,t=1 ",
            "m,=1 value=1",
            "m,t= value=1",
            "m,t value=1",
            ",t=1 value=1",
            " value=1",
            "m value",
            "m value=",
            "m =1",
            "m value=1,",
            "m value=abc",
            "m value=1.2.3",
            "m value=1e",
            "m value=NaN",
            "m value=Inf",
            "m value=12x",
            "m value=1.5i",
            "m value=-1u",
            "m value=99999999999999999999i",
            "m value=\"open",
            "m value=\"a\"b",
            "m value=1 12abc",
            "m value=1 1 2",
            "m value=1 1.5",
            "m value=1 99999999999999999999",
            "m\tvalue=1"})
    void refusesMalformedLinesNamingTheLine(String line) {
        assertThatThrownBy(() -> parse("ok value=1\n" + line + "\nok value=2", TimePrecision.NANOSECONDS))
                .isInstanceOf(LineProtocolException.class)
                .hasMessageStartingWith("line 2: unable to parse '" + line)
                .satisfies(e -> assertThat(((LineProtocolException) e).line()).isEqualTo(2));
    }

    @Test
    void refusesTimestampsOutsideTheRangeOfMilliseconds() {
        assertThatThrownBy(() -> parse("m value=1 9223372036854775807", TimePrecision.SECONDS))
                .isInstanceOf(LineProtocolException.class).hasMessageContaining("time outside range");
    }

    private static List<LinePoint> parse(String body, TimePrecision precision) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return LineProtocolParser.parse(bytes, bytes.length, precision);
    }
}
