package dev.greenlight.platform.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON bodies and reads the answers, for the ingest
 * phases of {@code ./greenlight bench} and check-ingest's load benchmarks (one client, so both
 * measure the same way). The JDK {@code HttpClient} costs more CPU per request than the request path it
 * measures (a selector thread, futures, header maps and body subscribers per request), and on two
 * shared cores the client's CPU is taken from the server: the figure then says more about the client
 * than about check-ingest. This writes a request as one pre-built head (request line, host,
 * authorization, content type) followed by the content length and the body in one write, and reads
 * the status line, the headers it needs ({@code Content-Length}, {@code Transfer-Encoding: chunked},
 * {@code Connection: close}) and the body, which it discards. Blocking, one thread per connection,
 * no TLS, no redirects, no 100-continue: enough for a benchmark against a local server, nothing more.
 */
public final class KeepAliveConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final byte[] head;
    private final byte[] in = new byte[16 * 1024];
    private byte[] out = new byte[4 * 1024];
    private int pos;
    private int limit;
    private Socket socket;
    private String lastRefusal;
    private InputStream input;
    private OutputStream output;

    public KeepAliveConnection(URI endpoint, String token) {
        int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
        this.address = new InetSocketAddress(endpoint.getHost(), port);
        String path = endpoint.getRawPath() + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + port
                + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code body} and returns the answer's status code; the connection is reopened when needed. */
    public int post(byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            write(body);
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(address, 10_000);
        input = socket.getInputStream();
        output = socket.getOutputStream();
        pos = 0;
        limit = 0;
    }

    private void write(byte[] body) throws IOException {
        int needed = head.length + 24 + body.length;
        if (out.length < needed) {
            out = new byte[Math.max(needed, out.length * 2)];
        }
        System.arraycopy(head, 0, out, 0, head.length);
        int n = head.length;
        n = writeDecimal(body.length, n);
        out[n++] = '\r';
        out[n++] = '\n';
        out[n++] = '\r';
        out[n++] = '\n';
        System.arraycopy(body, 0, out, n, body.length);
        output.write(out, 0, n + body.length);
        output.flush();
    }

    private int writeDecimal(int value, int at) {
        String digits = Integer.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            out[at++] = (byte) digits.charAt(i);
        }
        return at;
    }

    private int readAnswer() throws IOException {
        lastRefusal = null;
        // Status line: HTTP/1.1 201 Created
        int lineStart = readLine();
        if (pos - lineStart < 12 || in[lineStart] != 'H') {
            throw new IOException("not an HTTP status line");
        }
        int status = (in[lineStart + 9] - '0') * 100 + (in[lineStart + 10] - '0') * 10 + (in[lineStart + 11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        while (true) {
            int start = readLine();
            int end = pos - 2; // without CRLF
            if (end == start) {
                break;
            }
            if (headerIs(start, end, "content-length")) {
                contentLength = Long.parseLong(value(start, end, "content-length"));
            } else if (headerIs(start, end, "transfer-encoding")) {
                chunked = value(start, end, "transfer-encoding").toLowerCase().contains("chunked");
            } else if (headerIs(start, end, "connection")) {
                closeAfter = value(start, end, "connection").equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            while (true) {
                int start = readLine();
                long size = Long.parseLong(new String(in, start, pos - 2 - start, StandardCharsets.US_ASCII)
                        .split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    while (readLine() != pos - 2) {
                        // trailers, if any
                    }
                    break;
                }
                skip(size + 2);
            }
        } else if (contentLength > 0) {
            if (status / 100 != 2 && contentLength <= in.length / 2) {
                lastRefusal = text(contentLength);
            } else {
                skip(contentLength);
            }
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    /** The body of the last non-2xx answer that had a Content-Length (for error messages), or null. */
    public String lastRefusal() {
        return lastRefusal;
    }

    private String text(long length) throws IOException {
        if (pos > in.length / 2) {
            System.arraycopy(in, pos, in, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < length) {
            fill();
        }
        String body = new String(in, pos, (int) length, StandardCharsets.UTF_8);
        pos += (int) length;
        return body;
    }

    private boolean headerIs(int start, int end, String name) {
        if (end - start <= name.length() || in[start + name.length()] != ':') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase(in[start + i]) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int start, int end, String name) {
        return new String(in, start + name.length() + 1, end - start - name.length() - 1, StandardCharsets.US_ASCII).trim();
    }

    /**
     * Reads up to and including the next CRLF, compacting the buffer first so a line is contiguous;
     * returns the line's start, with {@link #pos} just after its CRLF.
     */
    private int readLine() throws IOException {
        if (pos > in.length / 2) {
            System.arraycopy(in, pos, in, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int start = pos;
        int scan = pos;
        while (true) {
            for (; scan + 1 < limit; scan++) {
                if (in[scan] == '\r' && in[scan + 1] == '\n') {
                    pos = scan + 2;
                    return start;
                }
            }
            if (limit == in.length) {
                throw new IOException("header line longer than " + in.length / 2 + " bytes");
            }
            fill();
        }
    }

    private void skip(long bytes) throws IOException {
        while (bytes > 0) {
            if (pos == limit) {
                pos = 0;
                limit = 0;
                fill();
            }
            int n = (int) Math.min(bytes, limit - pos);
            pos += n;
            bytes -= n;
        }
    }

    private void fill() throws IOException {
        int n = input.read(in, limit, in.length - limit);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        limit += n;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
