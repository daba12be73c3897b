package org.steambytes.testsupport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange written byte for byte on a socket: a request line no HTTP client would send
 * (an encoded slash, a NUL, a space in the path) reaches the server exactly as written.
 */
final class RawHttp {

    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(ISO_8859_1);

    private RawHttp() {
    }

    /** Sends {@code requestLine} with a {@code Host} header and {@code Connection: close}, reads the whole answer. */
    static ServiceClient.Answer exchange(int port, String requestLine) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("raw request '" + requestLine + "' failed", e);
        }
    }

    private static ServiceClient.Answer parse(byte[] answer) {
        int headEnd = indexOf(answer, END_OF_HEAD, 0);
        if (headEnd < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + new String(answer, ISO_8859_1));
        }
        String[] head = new String(answer, 0, headEnd, ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = "";
        String cache = null;
        boolean chunked = false;
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = head[i].substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "x-cache" -> cache = value;
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                default -> { }
            }
        }
        byte[] body = Arrays.copyOfRange(answer, headEnd + END_OF_HEAD.length, answer.length);
        return new ServiceClient.Answer(status, contentType, new String(chunked ? unchunk(body) : body, UTF_8), cache);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(ISO_8859_1), position);
            String sizeLine = new String(chunked, position, lineEnd - position, ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int from) {
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }
}
