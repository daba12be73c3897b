package org.steambytes.common.problem;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's answer, as problem+json instead of its HTML page, to requests it rejects before any
 * servlet sees them: an encoded {@code /}, {@code \} or NUL in the path, a path above the root, a
 * malformed request line or header, an unsupported {@code Transfer-Encoding}. Errors that reach
 * Spring never get here: the {@code /error} dispatch to {@link ProblemErrorController} has already
 * answered them, and only an error nobody answered is reported.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    static final String MALFORMED_REQUEST = "The request line, URI or headers are malformed;"
            + " the request was rejected before it reached the service.";

    private final ProblemJsonWriter writer;

    ProblemErrorReportValve(ProblemJsonWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // Tomcat's message (response.getMessage()) can quote the request; the answer names the status only.
        try {
            writer.write(response, Problems.of(HttpStatusCode.valueOf(status), Problems.defaultCode(status),
                    detail(status)));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response already holds a writer: there is no one left to answer.
        }
    }

    private static String detail(int status) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return MALFORMED_REQUEST;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Request failed";
    }
}
