package org.steambytes.alerting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steambytes.common.worker.ReplicaName;

/** A replica's default consumer name survives its restart; replicas on other ports differ. */
class ConsumerNameTests {

    @Test
    void theSameReplicaGetsTheSameNameAfterARestart() {
        assertThat(ReplicaName.consumer("8084")).isEqualTo(ReplicaName.consumer("8084"))
                .endsWith(":8084");
        assertThat(ReplicaName.consumer("8085")).isNotEqualTo(ReplicaName.consumer("8084"));
    }

    @Test
    void aRandomPortGivesARandomName() {
        assertThat(ReplicaName.consumer("0")).isNotEqualTo(ReplicaName.consumer("0"));
    }
}
