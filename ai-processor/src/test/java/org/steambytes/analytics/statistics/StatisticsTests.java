package org.steambytes.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** docs/DOMAIN.md "Analytics": window statistics and the trend reference. */
class StatisticsTests {

    private static final long HOUR = 3_600_000L;

    @Test
    void windowStatisticsUseTheSampleStandardDeviation() {
        WindowStatistics statistics = WindowStatistics.of(
                new double[] {10.0, 10.2, 9.9, 10.1, 10.0, 9.8, 10.2, 10.1, 9.9, 10.0});
        assertThat(statistics.count()).isEqualTo(10);
        assertThat(statistics.mean()).isCloseTo(10.02, within(1e-12));
        assertThat(statistics.stddev()).isCloseTo(0.131656, within(5e-7));
        assertThat(statistics.min()).isEqualTo(9.8);
        assertThat(statistics.max()).isEqualTo(10.2);
        assertThat(statistics.last()).isEqualTo(10.0);
    }

    @Test
    void oneSampleHasNoSpreadAndNoSampleHasNoStatistics() {
        assertThat(WindowStatistics.of(new double[] {7.5})).isEqualTo(new WindowStatistics(1, 7.5, 7.5, 7.5, null, 7.5));
        assertThat(WindowStatistics.of(new double[0])).isNull();
        assertThat(WindowStatistics.of(new double[] {3, 3, 3}).stddev()).isZero();
    }

    @Test
    void forecastsTheStackTemperatureReferenceToThreshold() {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1_700_000_000_000L + i * HOUR;
        }
        Trend trend = Trend.of(times, new double[] {190, 192, 193, 195, 196, 198, 199});
        assertThat(trend.slopePerHour()).isCloseTo(1.5, within(1e-12));
        assertThat(trend.significant()).isTrue();
        assertThat(trend.hoursTo(220, true)).isCloseTo(13.857, within(0.0005));
        assertThat(trend.hoursTo(180, false)).as("a rising line never falls to a low limit").isNull();
    }

    @Test
    void noiseAroundASteadyValueForecastsNothing() {
        long[] times = new long[8];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 600_000L;
        }
        Trend trend = Trend.of(times, new double[] {10.1, 9.9, 10.05, 9.95, 10.1, 9.9, 10.0, 10.02});
        assertThat(trend.significant()).isFalse();
        assertThat(trend.hoursTo(12, true)).isNull();
        assertThat(Trend.of(new long[] {5, 5}, new double[] {1, 2})).as("all at one instant").isNull();
        assertThat(Trend.of(new long[] {5}, new double[] {1})).isNull();
    }
}
