package dev.surmbench.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 with an ephemeral port serving fixture bytes by path. It
 * honours {@code Range: bytes=N-} with 206, and can break a number of transfers mid-body (it
 * announces the full length, sends half and closes the connection).
 */
public final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String path, String range) {}

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> breaks = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * A started server for a test field: {@code @AutoClose final LoopbackServer server =
     * LoopbackServer.start();} (JUnit makes one per test and closes it after).
     */
    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the loopback server", e);
        }
    }

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, ending in '/'. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Serves {@code bytes} at {@code path} (no leading '/'). */
    public LoopbackServer serve(String path, byte[] bytes) {
        files.put("/" + path, bytes);
        return this;
    }

    /** The next {@code count} requests for {@code path} are cut off mid-body. */
    public LoopbackServer breakNext(String path, int count) {
        breaks.put("/" + path, new AtomicInteger(count));
        return this;
    }

    /** Requests seen so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        byte[] body = files.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int offset = 0;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            offset = Integer.parseInt(range.substring(6, range.length() - 1));
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + offset + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - offset);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        AtomicInteger toBreak = breaks.get(path);
        OutputStream out = exchange.getResponseBody();
        if (toBreak != null && toBreak.getAndDecrement() > 0) {
            int half = offset + (body.length - offset) / 2;
            out.write(body, offset, half - offset);
            out.flush();
            // closing the exchange before the announced length drops the connection
            exchange.close();
            return;
        }
        out.write(body, offset, body.length - offset);
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A zip archive holding {@code entries} (name -> content), in the given order. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
