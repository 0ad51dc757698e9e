package dev.surmbench.suite.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a recorded run may be skipped on resume. It may only when its run folder, its run.json and
 * the run.json's {@code provenance.dataset_sha256} are present ({@link #missing}: otherwise it is
 * trained again and the log says why) and it was trained on the data files present now. A run id
 * covers the settings, not the bytes of the data, so its recorded hashes are compared with the files
 * now: a file whose hash differs is a change (files absent now, "unknown" hashes and image folders are
 * not compared). Resume refuses to skip a changed run unless told to train it again.
 */
final class RecordedData {

    /** One dataset file whose content differs from what a run recorded. */
    record Change(String file, String recorded, String now) {
        @Override
        public String toString() {
            return file + " recorded " + shortHash(recorded) + ", now " + shortHash(now);
        }

        private static String shortHash(String hash) {
            return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
        }
    }

    private RecordedData() {}

    /**
     * Why {@code previous}, a recorded row of {@code spec}, cannot be skipped because what resume checks
     * is missing — its run folder, its run.json (or a readable one), or the run.json's dataset hashes
     * (a completed run that read data files records at least one) — as the log's reason for training it
     * again; null when all are present.
     */
    static String missing(ResultsLayout layout, RunSpec spec, RunRecord previous, RunExecutor executor) {
        Path json = layout.runJson(spec.runId());
        String where = "runs/" + spec.runId() + "/";
        if (!Files.isDirectory(layout.runDir(spec.runId()))) {
            return "training again: its run folder " + where + " is missing";
        }
        if (!Files.isRegularFile(json)) {
            return "training again: its " + where + ResultsLayout.RUN_JSON + " is missing";
        }
        JsonNode hashes;
        try {
            hashes = RunJson.readTree(json).path("provenance").path("dataset_sha256");
        } catch (IOException e) {
            return "training again: its " + where + ResultsLayout.RUN_JSON + " is not readable JSON";
        }
        if (!hashes.isObject() || previous.completed() && hashes.isEmpty() && !executor.currentDatasetSha(spec).isEmpty()) {
            return "training again: its " + where + ResultsLayout.RUN_JSON + " records no dataset hashes "
                    + "(provenance.dataset_sha256), so the data it read cannot be checked";
        }
        return null;
    }

    /**
     * The dataset files of {@code spec}'s recorded run that differ now; empty when none (or no readable
     * run.json: {@link #missing} says so).
     */
    static List<Change> changes(ResultsLayout layout, RunSpec spec, RunExecutor executor) {
        Path json = layout.runJson(spec.runId());
        if (!Files.isRegularFile(json)) {
            return List.of();
        }
        Map<String, String> recorded;
        try {
            recorded = RunJson.readProvenance(json).datasetSha256();
        } catch (IOException e) {
            return List.of();
        }
        Map<String, String> now = executor.currentDatasetSha(spec);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> file : recorded == null ? Map.<String, String>of().entrySet() : recorded.entrySet()) {
            String then = String.valueOf(file.getValue());
            String current = now.get(file.getKey());
            if (current != null && !then.equals("unknown") && !then.startsWith("folder ") && !current.equals(then)) {
                changes.add(new Change(file.getKey(), then, current));
            }
        }
        return changes;
    }

    /**
     * The one-line refusal for recorded runs trained on other data ({@code changed}: run id → its
     * changes), saying how to go on.
     */
    static IllegalArgumentException refusal(ResultsLayout layout, Map<String, List<Change>> changed) {
        Map<String, List<String>> runsByChange = new LinkedHashMap<>();
        changed.forEach((runId, changes) -> runsByChange.computeIfAbsent(
                changes.stream().map(Change::toString).collect(Collectors.joining(", ")), k -> new ArrayList<>()).add(runId));
        String detail = runsByChange.entrySet().stream()
                .map(e -> e.getKey() + " (run" + (e.getValue().size() > 1 ? "s " : " ") + abbreviate(e.getValue()) + ")")
                .collect(Collectors.joining("; "));
        return new IllegalArgumentException(layout.suiteDir() + ": " + changed.size() + " recorded run(s) were trained "
                + "on other data than the files present now — " + detail + ". To train them again on the present "
                + "files (their rows are replaced) add --rerun-changed-data; to keep these results, use another --out.");
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 4 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 4)) + " and " + (ids.size() - 4) + " more";
    }
}
