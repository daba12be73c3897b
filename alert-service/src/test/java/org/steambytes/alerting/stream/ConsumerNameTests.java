package org.steambytes.alerting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A replica's default consumer name survives its restart; replicas on other ports differ. */
class ConsumerNameTests {

    @Test
    void theSameReplicaGetsTheSameNameAfterARestart() {
        assertThat(ReadingsStreamConsumer.defaultName("8084")).isEqualTo(ReadingsStreamConsumer.defaultName("8084"))
                .endsWith(":8084");
        assertThat(ReadingsStreamConsumer.defaultName("8085")).isNotEqualTo(ReadingsStreamConsumer.defaultName("8084"));
    }

    @Test
    void aRandomPortGivesARandomName() {
        assertThat(ReadingsStreamConsumer.defaultName("0")).isNotEqualTo(ReadingsStreamConsumer.defaultName("0"));
    }
}
