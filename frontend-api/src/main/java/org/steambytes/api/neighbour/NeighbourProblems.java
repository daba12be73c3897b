package org.steambytes.api.neighbour;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpStatusCodeException;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A neighbour service's problem answer (ai-processor, alert-service: they answer problem+json like this
 * service) passed on to the caller as it is — status, code, detail and the fields in {@code errors} —
 * without the neighbour's internal path.
 */
public final class NeighbourProblems {

    private NeighbourProblems() {
    }

    /** The problem the neighbour answered, or empty when its body is not one. */
    public static Optional<ProblemException> relay(HttpStatusCodeException refusal, JsonMapper json) {
        try {
            JsonNode problem = json.readTree(refusal.getResponseBodyAsString());
            if (!problem.isObject() || !problem.path("code").isString()) {
                return Optional.empty();
            }
            List<FieldProblem> errors = new ArrayList<>();
            problem.path("errors").forEach(error -> errors.add(json.treeToValue(error, FieldProblem.class)));
            ProblemException relayed = ProblemException.of(HttpStatusCode.valueOf(refusal.getStatusCode().value()),
                    problem.path("code").asString(), problem.path("detail").asString("Refused."));
            return Optional.of(errors.isEmpty() ? relayed : relayed.withErrors(errors));
        } catch (JacksonException notAProblem) {
            return Optional.empty();
        }
    }

    /** The {@code code} of the neighbour's problem answer, or null. */
    public static String code(HttpStatusCodeException refusal, JsonMapper json) {
        try {
            JsonNode code = json.readTree(refusal.getResponseBodyAsString()).path("code");
            return code.isString() ? code.asString() : null;
        } catch (JacksonException notAProblem) {
            return null;
        }
    }
}
