package dev.surmbench.report.render;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunProvenance;
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
 * {@code provenance} ({@link RunProvenance}) defensively: a missing file, key or value reads as
 * "unknown"; an unreadable file is listed, never fatal.
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
        for (RunRecord r : runs) {
            Path file = layout.runJson(r.runId());
            RunProvenance prov = RunProvenance.NONE;
            if (Files.isRegularFile(file)) {
                try {
                    prov = RunJson.readProvenance(file);
                    found++;
                } catch (IOException e) {
                    unreadable.add(layout.suiteDir().relativize(file) + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            Map<String, String> versions = prov.versions() == null ? Map.of() : prov.versions();
            add(facts, "git dirty", prov.gitDirty());
            add(facts, "suite sha256", prov.suiteSha256());
            add(facts, "backbone sha256", prov.backboneSha256());
            add(facts, "djl", versions.get("djl"));
            add(facts, "pytorch", versions.get("pytorch"));
            add(facts, "java", versions.get("java"));
            add(facts, "os", versions.get("os"));
            add(facts, "cpu", prov.cpu());
            add(facts, "gpu", prov.gpu());
            if (prov.datasetSha256() != null) {
                prov.datasetSha256().forEach((k, v) -> add(datasets, k, v));
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

    /** Adds one run's recorded {@code value} of fact {@code name}; nothing recorded reads as {@link #UNKNOWN}. */
    private static void add(Map<String, TreeSet<String>> facts, String name, Object value) {
        String text = value == null ? UNKNOWN : value.toString();
        facts.computeIfAbsent(name, x -> new TreeSet<>()).add(text.isBlank() ? UNKNOWN : text);
    }
}
