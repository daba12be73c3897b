package org.steambytes.ingestion.reading;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * Why a line-protocol batch is refused as a whole. The detail is the message an InfluxDB client shows
 * (the endpoints answer {@code {"error": detail}}); the errors list goes to the ingestion log.
 */
public final class LineRejections {

    private static final int LISTED = 10;

    private LineRejections() {
    }

    static ProblemException malformed(LineProtocolException e) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "malformed_line", e.getMessage()
                        + "; nothing of this batch was stored")
                .withErrors(List.of(FieldProblem.at(e.line(), "line " + e.line(), e.getMessage())));
    }

    static ProblemException invalid(List<FieldProblem> errors) {
        String listed = errors.stream().limit(LISTED).map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        return ProblemException.of(HttpStatus.BAD_REQUEST, "invalid_readings", errors.size() + " reading"
                        + (errors.size() == 1 ? " is" : "s are") + " invalid, nothing of this batch was stored: " + listed
                        + (errors.size() > LISTED ? "; …" : ""))
                .withErrors(errors);
    }

    public static ProblemException foreignDatabase(String database, String own) {
        return ProblemException.of(HttpStatus.FORBIDDEN, "foreign_site", "this gateway belongs to site '" + own
                + "' and cannot write to database '" + database + "'; name its site or leave the database out");
    }

    public static ProblemException unknownPrecision(String precision) {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "invalid_precision",
                "precision '" + precision + "' is not one of ns, us, ms, s (n, u, m, h for 1.x)");
    }

    public static ProblemException unreadableGzip() {
        return ProblemException.of(HttpStatus.BAD_REQUEST, "unreadable_body", "the body is not valid gzip");
    }
}
