package org.steambytes.ingestion.mqtt;

import java.util.List;
import org.steambytes.common.problem.FieldProblem;

/**
 * What became of a message: stored (acknowledge), refused for good (report on the errors topic, then
 * acknowledge: sending it again cannot help), or not durable yet (keep it unacknowledged and retry).
 */
sealed interface MqttOutcome {

    record Stored(int readings) implements MqttOutcome {
    }

    record Refused(String code, String error, List<FieldProblem> errors) implements MqttOutcome {
    }

    record RetryLater(String reason) implements MqttOutcome {
    }
}
