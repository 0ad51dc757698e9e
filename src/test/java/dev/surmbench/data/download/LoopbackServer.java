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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 with an ephemeral port serving fixture bytes by path. It
 * honours {@code Range: bytes=N-} with 206 (416 with {@code Content-Range: bytes *}{@code /LENGTH}
 * when N is at or past the end), and can misbehave for a number of requests: break the transfer
 * mid-body (it announces the full length, sends half and closes the connection), answer with an
 * error status, stall before answering, or answer a Range request with the whole file.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String path, String range) {}

    private final HttpServer server;
    private volatile long stallMillis;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> breaks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rangesIgnored = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();

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
        server.setExecutor(executor); // a stalled answer must not hold up the next request
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

    /** The next {@code count} requests for {@code path} are answered with {@code status} and no body. */
    public LoopbackServer failNext(String path, int status, int count) {
        failureStatus.put("/" + path, status);
        failures.put("/" + path, new AtomicInteger(count));
        return this;
    }

    /** The next {@code count} requests for {@code path} get no answer for {@code millis} ms, then none at all. */
    public LoopbackServer stallNext(String path, long millis, int count) {
        stalls.put("/" + path, new AtomicInteger(count));
        stallMillis = millis;
        return this;
    }

    /** The next {@code count} Range requests for {@code path} are answered 200 with the whole file. */
    public LoopbackServer ignoreRangeNext(String path, int count) {
        rangesIgnored.put("/" + path, new AtomicInteger(count));
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
        if (next(stalls, path)) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = files.get(path);
        if (body == null || next(failures, path)) {
            exchange.sendResponseHeaders(body == null ? 404 : failureStatus.get(path), -1);
            exchange.close();
            return;
        }
        int offset = 0;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-") && !next(rangesIgnored, path)) {
            offset = Integer.parseInt(range.substring(6, range.length() - 1));
            if (offset >= body.length) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + offset + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - offset);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        OutputStream out = exchange.getResponseBody();
        if (next(breaks, path)) {
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

    /** True when {@code path} has a misbehaviour of {@code kind} left, using it up. */
    private static boolean next(Map<String, AtomicInteger> kind, String path) {
        AtomicInteger left = kind.get(path);
        return left != null && left.getAndDecrement() > 0;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
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
