package dev.surmbench.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The suite and provenance summary: what every run agrees on (commit, versions, device, checksums)
 * and where runs differ. Reads runs.csv fields and each run's {@code runs/<id>/run.json}
 * {@code provenance} object defensively: a missing file, key or value reads as "unknown"; an
 * unreadable file is listed, never fatal.
 *
 * @param items named facts, each with its distinct values across runs
 * @param datasets dataset file → distinct checksums across runs
 * @param runJsonFound how many runs had a readable run.json
 * @param unreadable run.json files that could not be parsed
 */
public record ProvenanceSummary(List<Item> items, List<Item> datasets, int runJsonFound, List<String> unreadable) {

    /** Value shown for a fact nobody recorded. */
    public static final String UNKNOWN = "unknown";

    /**
     * One fact.
     *
     * @param name what it is ("git commit", "pytorch")
     * @param values distinct values across runs, sorted
     */
    public record Item(String name, List<String> values) {
        public Item {
            values = List.copyOf(values);
        }

        /** True when every run agrees. */
        public boolean consistent() {
            return values.size() <= 1;
        }

        public String display() {
            return values.isEmpty() ? UNKNOWN : String.join(", ", values);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Collects the provenance of {@code runs} stored under {@code layout}. */
    public static ProvenanceSummary collect(ResultsLayout layout, List<RunRecord> runs) {
        Map<String, TreeSet<String>> facts = new LinkedHashMap<>();
        Map<String, TreeSet<String>> datasets = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int found = 0;
        add(facts, "suite", runs, RunRecord::suite);
        add(facts, "backbone", runs, RunRecord::backbone);
        add(facts, "git commit", runs, RunRecord::gitCommit);
        add(facts, "device", runs, r -> r.device().label());
        add(facts, "threads", runs, r -> Integer.toString(r.threads()));
        String[][] keys = {{"git dirty", "git_dirty"}, {"suite sha256", "suite_sha256"},
            {"backbone sha256", "backbone_sha256"}, {"djl", "versions", "djl"}, {"pytorch", "versions", "pytorch"},
            {"java", "versions", "java"}, {"os", "versions", "os"}, {"cpu", "cpu"}, {"gpu", "gpu"}};
        for (RunRecord r : runs) {
            Path file = layout.runJson(r.runId());
            JsonNode prov = null;
            if (Files.isRegularFile(file)) {
                try {
                    prov = JSON.readTree(file.toFile()).path("provenance");
                    found++;
                } catch (IOException e) {
                    unreadable.add(layout.suiteDir().relativize(file) + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            for (String[] k : keys) {
                JsonNode n = prov;
                for (int i = 1; i < k.length && n != null; i++) {
                    n = n.get(k[i]);
                }
                facts.computeIfAbsent(k[0], x -> new TreeSet<>()).add(text(n));
            }
            JsonNode ds = prov == null ? null : prov.get("dataset_sha256");
            if (ds != null && ds.isObject()) {
                ds.properties().forEach(e -> datasets.computeIfAbsent(e.getKey(), x -> new TreeSet<>()).add(text(e.getValue())));
            }
        }
        List<Item> items = new ArrayList<>();
        facts.forEach((k, v) -> items.add(new Item(k, new ArrayList<>(v))));
        items.add(new Item("started", runs.stream().map(RunRecord::startedAt).filter(s -> s != null && !s.isBlank())
                .sorted().limit(1).toList()));
        items.add(new Item("finished", runs.stream().map(RunRecord::finishedAt).filter(s -> s != null && !s.isBlank())
                .sorted().reduce((a, b) -> b).stream().toList()));
        List<Item> ds = new ArrayList<>();
        datasets.forEach((k, v) -> ds.add(new Item(k, new ArrayList<>(v))));
        return new ProvenanceSummary(items, ds, found, unreadable);
    }

    private static void add(Map<String, TreeSet<String>> facts, String name, List<RunRecord> runs,
            Function<RunRecord, String> f) {
        TreeSet<String> values = facts.computeIfAbsent(name, x -> new TreeSet<>());
        runs.forEach(r -> {
            String v = f.apply(r);
            values.add(v == null || v.isBlank() ? UNKNOWN : v);
        });
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return UNKNOWN;
        }
        String t = n.isValueNode() ? n.asText() : n.toString();
        return t.isBlank() ? UNKNOWN : t;
    }
}
