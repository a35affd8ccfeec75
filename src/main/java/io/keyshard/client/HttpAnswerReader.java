package io.keyshard.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 answer strictly from a server that may be hostile: the status line, at most
 * {@link #MAX_HEADER_LINES} header lines in {@link #MAX_HEADER_BYTES}, and a body framed by
 * Content-Length or chunked encoding of at most {@link #MAX_BODY} bytes. Anything else is refused.
 */
final class HttpAnswerReader {
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_HEADER_LINES = 100;
    static final int MAX_BODY = 16 * 1024 * 1024;
    /** How {@link #MAX_BODY} reads in messages. */
    static final String MAX_BODY_TEXT = "16 MiB";

    private static final int MAX_CHUNK_LINE = 1024;

    // compiled once: String.matches compiled each pattern again for every line of every answer
    private static final Pattern STATUS_LINE =
            Pattern.compile("HTTP/1\\.1 [1-5][0-9][0-9]( [\\x20-\\x7e\\x80-\\xff\\t]*)?");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,12}");
    private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9A-Fa-f]{1,8}");

    /** One answer: its status, its body, and whether the connection may carry another request. */
    record Answer(int status, byte[] body, boolean reusable) {}

    /** The answer broke HTTP/1.1 framing; the message is fixed text, never the server's bytes. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String what) {
            super(what);
        }
    }

    /** The answer's body (declared or actual) exceeds {@link #MAX_BODY}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("answer larger than " + MAX_BODY_TEXT);
        }
    }

    /** The server closed the connection before sending a single byte of an answer. */
    static final class ClosedBeforeAnswer extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedBeforeAnswer() {
            super("closed before an answer");
        }
    }

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private long received;
    private int headerBytes;
    private int headerLines;

    HttpAnswerReader(InputStream in) {
        this.in = in;
    }

    /** True once any byte of the answer arrived. */
    boolean started() {
        return received > 0;
    }

    /** Reads the whole answer. */
    Answer read() throws IOException {
        String status = headerLine(true);
        if (!STATUS_LINE.matcher(status).matches()) {
            throw new Malformed("bad status line");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        if (code < 200) {
            throw new Malformed("an interim 1xx answer nobody asked for");
        }
        Headers h = headers();
        byte[] body;
        boolean reusable = !h.close;
        if (code == 204 || code == 304) {
            body = new byte[0];
        } else if (h.chunked) {
            body = chunked();
        } else if (h.length >= 0) {
            body = exactly((int) h.length);
        } else {
            body = untilClosed();
            reusable = false;
        }
        // Bytes after a complete answer were never asked for: the connection is not clean.
        return new Answer(code, body, reusable && pos == limit);
    }

    private static final class Headers {
        long length = -1;
        boolean chunked;
        boolean close;
    }

    private Headers headers() throws IOException {
        Headers h = new Headers();
        for (String line = headerLine(false); !line.isEmpty(); line = headerLine(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
                throw new Malformed("bad header line");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> {
                    if (h.length >= 0 || !LENGTH.matcher(value).matches()) {
                        throw new Malformed("bad or repeated Content-Length");
                    }
                    h.length = Long.parseLong(value);
                    if (h.length > MAX_BODY) {
                        throw new TooLarge();
                    }
                }
                case "transfer-encoding" -> {
                    if (h.chunked || !value.equalsIgnoreCase("chunked")) {
                        throw new Malformed("unsupported Transfer-Encoding");
                    }
                    h.chunked = true;
                }
                case "connection" -> {
                    for (String token : value.split(",")) {
                        h.close |= token.strip().equalsIgnoreCase("close");
                    }
                }
                default -> {
                    // other headers carry nothing the client uses
                }
            }
        }
        if (h.chunked && h.length >= 0) {
            throw new Malformed("both Content-Length and chunked");
        }
        return h;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = line(MAX_CHUNK_LINE, "chunk size line too long");
            int semicolon = line.indexOf(';');
            String size = semicolon < 0 ? line : line.substring(0, semicolon);
            if (!CHUNK_SIZE.matcher(size).matches()) {
                throw new Malformed("bad chunk size");
            }
            long n = Long.parseLong(size, 16);
            if (n == 0) {
                break;
            }
            if (body.size() + n > MAX_BODY) {
                throw new TooLarge();
            }
            body.write(exactly((int) n));
            if (!line(3, "chunk longer than its size").isEmpty()) {
                throw new Malformed("chunk longer than its size");
            }
        }
        // trailers: read and ignored, bounded like headers
        while (!headerLine(false).isEmpty()) {
            // nothing to keep
        }
        return body.toByteArray();
    }

    private byte[] exactly(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            if (pos == limit && !fill()) {
                throw new Malformed("closed before the body was complete");
            }
            int k = Math.min(n - done, limit - pos);
            System.arraycopy(buf, pos, out, done, k);
            pos += k;
            done += k;
        }
        return out;
    }

    private byte[] untilClosed() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (pos < limit || fill()) {
            if (body.size() + (limit - pos) > MAX_BODY) {
                throw new TooLarge();
            }
            body.write(buf, pos, limit - pos);
            pos = limit;
        }
        return body.toByteArray();
    }

    /** A header line: all of them together within {@link #MAX_HEADER_BYTES} and {@link #MAX_HEADER_LINES}. */
    private String headerLine(boolean first) throws IOException {
        if (++headerLines > MAX_HEADER_LINES + 1) {
            throw new Malformed("more than " + MAX_HEADER_LINES + " header lines");
        }
        if (first && received == 0 && !fill()) {
            throw new ClosedBeforeAnswer();
        }
        String line = line(MAX_HEADER_BYTES - headerBytes, "header larger than " + MAX_HEADER_BYTES / 1024 + " KiB");
        headerBytes += line.length() + 2;
        return line;
    }

    /** One CRLF-ended line of at most {@code max} visible ASCII (or obs-text) bytes; bare CR or LF is refused. */
    private String line(int max, String tooLong) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos == limit && !fill()) {
                throw new Malformed("closed in the middle of a line");
            }
            int b = buf[pos++] & 0xff;
            if (b == '\r') {
                if ((pos == limit && !fill()) || buf[pos++] != '\n') {
                    throw new Malformed("CR without LF");
                }
                return sb.toString();
            }
            if (b == '\n' || (b < 0x20 && b != '\t') || b == 0x7f) {
                throw new Malformed("control character in a line");
            }
            if (sb.length() + 2 >= max) {
                throw new Malformed(tooLong);
            }
            sb.append((char) b);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        received += n;
        return true;
    }
}
