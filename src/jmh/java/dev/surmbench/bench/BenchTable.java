package dev.surmbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result of {@link AdaptedProjectionBenchmark} into the Markdown table in README:
 * milliseconds per call and the ratio to {@code lora} measured in the same run.
 * Usage: {@code BenchTable results/bench/projection.json}.
 */
public final class BenchTable {
    private BenchTable() {}

    public static void main(String[] args) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        // key: benchmark|path|d|device -> method -> ms
        Map<String, Map<String, Double>> table = new TreeMap<>();
        for (JsonNode run : root) {
            String bench = run.get("benchmark").asText().replaceAll(".*\\.", "");
            JsonNode p = run.get("params");
            String key = bench + "|" + p.get("path").asText() + "|" + String.format(Locale.ROOT, "%04d", p.get("d").asInt())
                    + "|" + p.path("device").asText("cpu");
            table.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(p.get("method").asText(), run.get("primaryMetric").get("score").asDouble());
        }
        String[] methods = {"dense", "lora", "circulant", "toeplitz", "kronecker", "ldr"};
        StringBuilder out = new StringBuilder("| pass | path | d | device |");
        for (String m : methods) {
            out.append(' ').append(m).append(" |");
        }
        out.append("\n|---|---|---|---|").append("---|".repeat(methods.length)).append('\n');
        table.forEach((key, scores) -> {
            String[] k = key.split("\\|");
            Double lora = scores.get("lora");
            out.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(Integer.parseInt(k[2]))
                    .append(" | ").append(k[3]).append(" |");
            for (String m : methods) {
                Double ms = scores.get(m);
                out.append(ms == null ? " – |" : String.format(Locale.ROOT, " %.2f ms (%.2fx) |", ms, ms / lora));
            }
            out.append('\n');
        });
        System.out.print(out);
    }
}
