package org.steambytes.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgsTests {

    @Test
    void durationsTakeSecondsOrAUnit() {
        assertThat(Args.duration("rate", "10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Args.duration("rate", "2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(Args.duration("rate", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Args.duration("backfill", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Args.duration("backfill", "30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Args.duration("backfill", "1d")).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> Args.duration("rate", "fast")).isInstanceOf(Args.UsageException.class);
        assertThatThrownBy(() -> Args.duration("rate", "-1")).isInstanceOf(Args.UsageException.class);
    }

    @Test
    void optionsFlagsAndTheCommand() {
        Args args = Args.parse("run", "--url", "http://x:8082", "--rate=5", "--provision", "--faults", "off");
        assertThat(args.command()).isEqualTo("run");
        assertThat(args.get("url", null)).isEqualTo("http://x:8082");
        assertThat(args.duration("rate", (Duration) null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(args.flag("provision")).isTrue();
        assertThat(args.onOff("faults", true)).isFalse();
        assertThatThrownBy(() -> Args.parse("run", "--token")).isInstanceOf(Args.UsageException.class);
    }

    @Test
    void aWrongCommandLineIsAUsageErrorNotACrash() {
        assertThat(SimulatorMain.run("run")).isEqualTo(2); // no token
        assertThat(SimulatorMain.run("fly")).isEqualTo(2);
        assertThat(SimulatorMain.run("--help")).isZero();
        assertThat(SimulatorMain.run("run", "--sites", "3", "--token", "gw_x")).isEqualTo(2);
    }
}
