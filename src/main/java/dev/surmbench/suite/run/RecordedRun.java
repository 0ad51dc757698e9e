package dev.surmbench.suite.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.surmbench.device.DeviceNames;
import dev.surmbench.results.RunDocument;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run as its {@code run.json} recorded it: the resolved configuration as a {@link RunSpec} (its id
 * checked against the recorded one), the recorded best and last metrics, and the device it ran on
 * ({@code result.device.device}; runs recorded before the device setting all ran on the CPU).
 */
public record RecordedRun(Path file, RunSpec spec, int suiteVersion, Map<String, Double> metricsBest,
                          Map<String, Double> metricsLast, String device) {

    /** Reads {@code runJson}; a missing file, a file that is no run.json or an edited configuration is an error naming it. */
    public static RecordedRun read(Path runJson) {
        if (!Files.isRegularFile(runJson)) {
            throw new IllegalArgumentException("no run.json at " + runJson);
        }
        RunDocument doc;
        try {
            doc = RunJson.read(runJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(RunJson.problem(runJson, e, "a run.json"));
        } catch (IOException e) {
            throw new IllegalArgumentException(runJson + ": not readable (" + e.getMessage() + ")");
        }
        RunDocument.Config config = doc == null ? null : doc.config();
        if (config == null || config.seed() == null) {
            throw new IllegalArgumentException(runJson + ": field 'config' with the resolved run is missing; not a run.json");
        }
        RunSpec run = new RunSpec(text(config.suite()), text(config.task()), text(config.method()), text(config.label()),
                orEmpty(config.options()), config.seed(), orEmpty(config.settings()));
        if (!run.runId().equals(text(config.runId()))) {
            throw new IllegalArgumentException(runJson + ": the configuration hashes to " + run.runId()
                    + ", not the recorded run id " + text(config.runId()) + " (file edited?)");
        }
        RunRecord result = doc.result();
        return new RecordedRun(runJson, run, config.suiteVersionOrFirst(),
                result == null ? null : new TreeMap<>(result.metricsBest()),
                result == null ? null : new TreeMap<>(result.metricsLast()),
                result == null ? DeviceNames.CPU : result.device().device());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
