package org.steambytes.ingestion.reading;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/** Why a batch is refused as a whole; each is answered as problem+json and nothing of the batch is stored. */
public final class BatchRejections {

    private BatchRejections() {
    }

    public static ProblemException unreadable(String field, String reason) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "unreadable_body",
                        "The batch could not be read" + (field.isEmpty() ? "" : " at '" + field + "'") + ": " + reason)
                .withErrors(List.of(FieldProblem.of(field.isEmpty() ? "body" : field, reason)));
    }

    public static ProblemException tooManyReadings(int max) {
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "too_many_readings",
                "A batch holds at most " + max + " readings; split it into several requests.");
    }

    public static ProblemException tooManyBytes(long max) {
        return ProblemException.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "A batch body holds at most " + max + " bytes; split it into several requests.");
    }

    public static ProblemException foreignSite(String requested, String own) {
        return ProblemException.of(HttpStatus.FORBIDDEN, "foreign_site",
                "This gateway belongs to site '" + own + "' and cannot post readings for '" + requested + "'.")
                .withErrors(List.of(FieldProblem.of("site_id", "must be '" + own + "' or left out")));
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_readings",
                        errors.size() + " reading" + (errors.size() == 1 ? " is" : "s are")
                                + " invalid; nothing of this batch was stored.")
                .withErrors(errors);
    }

    public static ProblemException storageFull(long retryAfterSeconds) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "spool_full",
                        "InfluxDB is unavailable and the local spool is full; retry later. Nothing of this batch was stored.")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static ProblemException notDurableInTime(long retryAfterSeconds) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "storage_timeout",
                        "The batch could not be made durable in time; retry it (re-sending is harmless).")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
}
