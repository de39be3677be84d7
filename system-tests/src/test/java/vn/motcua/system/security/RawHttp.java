package vn.motcua.system.security;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one keep-alive socket, for what ordinary clients will not send: bytes that
 * are not UTF-8, any Content-Type with any body, and a chosen local address. The last matters for the public
 * lookup, whose misses are counted per client address: binding to another loopback address (127.x.y.z, all
 * of which reach the local services on Linux) gives a test its own bucket, so its misses never block the
 * other system tests, which all come from 127.0.0.1.
 */
public final class RawHttp implements AutoCloseable {
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers.get("content-type") + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private final String host;
    private final int port;
    private final InetAddress local;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A client of {@code base} (http://host:port); {@code local} binds the client's side, null for any. */
    public RawHttp(String base, InetAddress local) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.local = local;
    }

    /**
     * Sends one request; {@code target} is written as given (path and query, not encoded again). Retries
     * once on a fresh connection when a kept-alive one turns out closed by the server.
     */
    public Response send(String method, byte[] target, Map<String, String> headers, byte[] body) {
        for (int attempt = 0; ; attempt++) {
            boolean reused = socket != null;
            try {
                connect();
                write(method, target, headers, body);
                Response response = read("HEAD".equals(method));
                String connection = response.header("connection");
                if (connection != null && connection.equalsIgnoreCase("close")) {
                    close();
                }
                return response;
            } catch (IOException e) {
                close();
                if (!reused || attempt > 0) {
                    throw new UncheckedIOException(method + " " + new String(target, StandardCharsets.ISO_8859_1), e);
                }
            }
        }
    }

    public Response send(String method, String target, Map<String, String> headers, byte[] body) {
        return send(method, target.getBytes(StandardCharsets.UTF_8), headers, body);
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        if (local != null) {
            s.bind(new InetSocketAddress(local, 0));
        }
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        in = new java.io.BufferedInputStream(s.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(s.getOutputStream(), 65536);
    }

    private void write(String method, byte[] target, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(target);
        head.writeBytes((" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body != null) {
            head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(head.toByteArray());
        if (body != null) {
            try {
                out.write(body);
            } catch (IOException e) {
                // The server may answer (413, 400) and close before reading a large body: read that answer.
                out = OutputStream.nullOutputStream();
            }
        }
        out.flush();
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine.isEmpty()) {
            statusLine = line();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream collected = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                collected.writeBytes(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are ignored
            }
            body = collected.toByteArray();
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("body cut short");
            }
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return new Response(status, headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
