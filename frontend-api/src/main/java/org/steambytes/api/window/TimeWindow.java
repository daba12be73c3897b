package org.steambytes.api.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * The {@code [from, to)} window of a read, from its {@code from} and {@code to} parameters: RFC 3339
 * with an offset or epoch milliseconds, as everywhere in the API. Without {@code to} it ends now;
 * without {@code from} it starts {@code byDefault} before its end. A bad time, an empty window or one
 * longer than {@code longest} is a 422 naming the parameter.
 */
public record TimeWindow(Instant from, Instant to) {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("[0-9]{11,15}"); // as the history's: "2026" is not a time
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** @param longest the widest window allowed, or null for any */
    public static TimeWindow parse(String from, String to, Duration byDefault, Duration longest, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant end = to == null ? clock.instant() : instant("to", to, problems);
        Instant start = from == null ? (end == null ? null : end.minus(byDefault)) : instant("from", from, problems);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                problems.add(FieldProblem.of("to", "must be after from (" + start + ")"));
            } else if (longest != null && Duration.between(start, end).compareTo(longest) > 0) {
                problems.add(FieldProblem.of("from", "must be at most " + longest.toDays() + " days before to (" + end + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    problems.size() + " parameter" + (problems.size() == 1 ? " is" : "s are") + " invalid.")
                    .withErrors(problems);
        }
        return new TimeWindow(start, end);
    }

    /** An RFC 3339 time with offset or epoch milliseconds; null (and a problem added) otherwise. */
    public static Instant instant(String field, String text, List<FieldProblem> problems) {
        try {
            Instant instant = EPOCH_MILLIS.matcher(text).matches() ? Instant.ofEpochMilli(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                problems.add(FieldProblem.of(field, "must lie between the years 1 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "must be an RFC 3339 date-time with offset, such as"
                    + " 2026-03-29T00:00:00Z, or epoch milliseconds"));
            return null;
        }
    }
}
