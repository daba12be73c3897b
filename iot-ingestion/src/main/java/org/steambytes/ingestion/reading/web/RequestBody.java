package org.steambytes.ingestion.reading.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.steambytes.ingestion.reading.BatchRejections;
import org.steambytes.ingestion.reading.LineRejections;

/**
 * A request's body read into one array of at most {@code maxBytes} (413 beyond, checked on the
 * Content-Length first and on the bytes read); a {@code Content-Encoding: gzip} body is inflated and the
 * limit applies to both the compressed and the inflated size.
 */
record RequestBody(byte[] bytes, int length) {

    static RequestBody read(HttpServletRequest request, int maxBytes) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw BatchRejections.tooManyBytes(maxBytes);
        }
        boolean gzip = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"));
        try (InputStream raw = request.getInputStream();
                InputStream in = gzip ? new GZIPInputStream(raw, 8192) : raw) {
            int initial = (int) Math.min(Math.max(gzip ? declared * 8 : declared, 1024), maxBytes + 1L);
            return readAll(in, new byte[initial], maxBytes);
        } catch (ZipException | EOFException e) {
            if (gzip) {
                throw LineRejections.unreadableGzip(); // not gzip, or cut short
            }
            throw e;
        }
    }

    private static RequestBody readAll(InputStream in, byte[] body, int maxBytes) throws IOException {
        int length = 0;
        int read;
        while ((read = in.read(body, length, body.length - length)) > 0) {
            length += read;
            if (length > maxBytes) {
                throw BatchRejections.tooManyBytes(maxBytes);
            }
            if (length == body.length) {
                body = Arrays.copyOf(body, Math.min(body.length * 2, maxBytes + 1));
            }
        }
        return new RequestBody(body, length);
    }
}
