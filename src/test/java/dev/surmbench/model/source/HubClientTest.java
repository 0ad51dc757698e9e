package dev.surmbench.model.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hub downloads against a loopback server that behaves like the hub: LFS files answer with a 302
 * carrying X-Linked-Etag (sha256) to a "CDN" path; small files carry their git blob sha1 as ETag;
 * Range requests get 206. Never touches the internet.
 */
class HubClientTest {
    @TempDir
    Path tmp;
    private HttpServer server;
    private URI endpoint;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> linkedEtag = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> truncateOnce = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> statusesFirst = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty(HubClient.ENDPOINT_PROPERTY);
        System.clearProperty(HubClient.CACHE_PROPERTY);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(path + (range == null ? "" : " " + range));
        if (path.startsWith("/org/tiny/resolve/main/")) {
            String name = path.substring("/org/tiny/resolve/main/".length());
            List<Integer> statuses = statusesFirst.getOrDefault(name, List.of());
            if (!statuses.isEmpty()) {
                statusesFirst.put(name, statuses.subList(1, statuses.size()));
                ex.sendResponseHeaders(statuses.get(0), -1);
                ex.close();
                return;
            }
            byte[] body = files.get(name);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            if (linkedEtag.containsKey(name)) {
                ex.getResponseHeaders().add("X-Linked-Etag", "\"" + linkedEtag.get(name) + "\"");
                ex.getResponseHeaders().add("Location", "/cdn/" + name);
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"" + gitSha1(body) + "\"");
            send(ex, name, body, range);
        } else if (path.startsWith("/cdn/")) {
            ex.getResponseHeaders().add("ETag", "\"cdn-object-version-1\"");
            send(ex, path.substring(5), files.get(path.substring(5)), range);
        } else {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        }
    }

    private void send(HttpExchange ex, String name, byte[] body, String range) throws IOException {
        int from = 0;
        if (range != null) {
            from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - from);
        } else {
            ex.sendResponseHeaders(200, body.length);
        }
        try (OutputStream out = ex.getResponseBody()) {
            int n = body.length - from;
            Integer cut = truncateOnce.remove(name);
            if (cut != null) {
                n = cut;
                out.write(body, from, n);
                out.flush();
                return; // closing short of Content-Length drops the connection
            }
            out.write(body, from, n);
        }
    }

    static String gitSha1(byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + b.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveTinyBert() throws Exception {
        Path dir = HfSourceTest.tinyBert(tmp.resolve("src"), 5, true);
        for (String f : List.of("config.json", "model.safetensors", "vocab.txt")) {
            files.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        linkedEtag.put("model.safetensors", Sha256.of(files.get("model.safetensors")));
    }

    @Test
    void downloadsVerifiesResumesAndLoads() throws Exception {
        serveTinyBert();
        truncateOnce.put("model.safetensors", 100); // the first weights transfer breaks after 100 bytes
        System.setProperty(HubClient.ENDPOINT_PROPERTY, endpoint.toString());
        System.setProperty(HubClient.CACHE_PROPERTY, tmp.resolve("cache").toString());
        BackboneSource source = BackboneSource.parse("hf:org/tiny");
        float[] local;
        float[] remote;
        try (ClassificationModel m = Backbones.classification("hf:" + tmp.resolve("src"), 2, 5); NDManager nd = m.manager().newSubManager()) {
            local = m.forward(input(nd), false).toFloatArray();
        }
        try (ClassificationModel m = Backbones.classification(source, 2, 5); NDManager nd = m.manager().newSubManager()) {
            remote = m.forward(input(nd), false).toFloatArray();
            assertTrue(m.tokenizerPath().isPresent());
        }
        assertArrayEquals(local, remote);
        Path snapshot = tmp.resolve("cache").resolve("org--tiny").resolve("main");
        assertArrayEquals(files.get("model.safetensors"), Files.readAllBytes(snapshot.resolve("model.safetensors")));
        assertFalse(Files.exists(snapshot.resolve("model.safetensors.part")));
        assertTrue(requests.contains("/cdn/model.safetensors bytes=100-"), requests.toString());
        assertTrue(requests.contains("/org/tiny/resolve/main/tokenizer.json"), "optional tokenizer.json asked for");
        // a second build is served from the cache
        int before = requests.size();
        try (ClassificationModel m = Backbones.classification(BackboneSource.parse("hf:org/tiny"), 2, 5)) {
            assertEquals(2, m.numLabels());
        }
        List<String> again = requests.subList(before, requests.size());
        assertTrue(again.stream().allMatch(r -> r.endsWith("/tokenizer.json") || r.endsWith("/tokenizer_config.json")),
                "only optional files the cache lacks are asked again: " + again);
    }

    private static NDList input(NDManager nd) {
        NDArray ids = nd.create(new long[][] {{3, 6, 7, 4}});
        return new NDList(ids, nd.zeros(ids.getShape(), ids.getDataType()), nd.ones(ids.getShape(), ids.getDataType()));
    }

    @Test
    void checksumMismatchDiscardsTheFile() throws Exception {
        serveTinyBert();
        linkedEtag.put("model.safetensors", "0".repeat(64));
        HubClient client = new HubClient(endpoint, tmp.resolve("cache"));
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> client.fetch("org/tiny", "main", "model.safetensors", true));
        assertTrue(e.getMessage().contains("sha256 mismatch") && e.getMessage().contains("/org/tiny/resolve/main/model.safetensors"), e.getMessage());
        Path snapshot = client.snapshotDir("org/tiny", "main");
        assertFalse(Files.exists(snapshot.resolve("model.safetensors")));
        assertFalse(Files.exists(snapshot.resolve("model.safetensors.part")));
    }

    @Test
    void missingFilesAndUnverifiableFiles() throws Exception {
        serveTinyBert();
        HubClient client = new HubClient(endpoint, tmp.resolve("cache"));
        assertTrue(client.fetch("org/tiny", "main", "tokenizer.json", false).isEmpty());
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> client.fetch("org/tiny", "main", "tokenizer.json", true));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        e = assertThrows(WeightLoadException.class, () -> new HubClient(endpoint, tmp.resolve("c2")).fetch("other/repo", "main", "config.json", true));
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.fetch("org/tiny", "main", "../../etc/passwd", true));
        assertThrows(IllegalArgumentException.class, () -> client.snapshotDir("org/../x", "main"));
    }

    @Test
    void transfersFollowTheOneDownloadPolicy() throws Exception {
        serveTinyBert();
        statusesFirst.put("config.json", List.of(503, 502));
        statusesFirst.put("vocab.txt", List.of(403));
        HubClient client = new HubClient(endpoint, tmp.resolve("cache"));
        Path config = client.fetch("org/tiny", "main", "config.json", true).orElseThrow();
        assertArrayEquals(files.get("config.json"), Files.readAllBytes(config));
        assertEquals(3, requests.stream().filter(r -> r.endsWith("/config.json")).count(), "two server errors retried");
        WeightLoadException e = assertThrows(WeightLoadException.class, () -> client.fetch("org/tiny", "main", "vocab.txt", true));
        assertTrue(e.getMessage().endsWith("/org/tiny/resolve/main/vocab.txt: HTTP 403"), e.getMessage());
        assertEquals(1, requests.stream().filter(r -> r.endsWith("/vocab.txt")).count(), "a client error is not retried");
    }
}
