package org.steambytes.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdTests {

    @Test
    void ordersAsRedisDoesAndParsesOnlyStreamIds() {
        assertThat(StreamId.parse("1700000000000-2").orElseThrow())
                .isGreaterThan(StreamId.parse("1700000000000-1").orElseThrow())
                .isLessThan(StreamId.parse("1700000000001-0").orElseThrow());
        assertThat(StreamId.parse("1700000000000-1").orElseThrow().next().toString()).isEqualTo("1700000000000-2");
        assertThat(StreamId.parse("42")).contains(new StreamId(42, 0));
        assertThat(StreamId.parse("abc")).isEmpty();
        assertThat(StreamId.parse("1-x")).isEmpty();
        assertThat(StreamId.parse(null)).isEmpty();
        assertThat(StreamId.parse("-1-0")).isEmpty();
    }
}
