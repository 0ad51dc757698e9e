package dev.surmbench.suite.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.device.DeviceNames;
import dev.surmbench.results.RunJson;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code runJson}; a missing file, a file that is no run.json or an edited configuration is an error naming it. */
    @SuppressWarnings("unchecked")
    public static RecordedRun read(Path runJson) {
        if (!Files.isRegularFile(runJson)) {
            throw new IllegalArgumentException("no run.json at " + runJson);
        }
        JsonNode doc;
        try {
            doc = RunJson.read(runJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(runJson + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON (" + e.getOriginalMessage() + "); not a run.json written by 'run'");
        } catch (IOException e) {
            throw new IllegalArgumentException(runJson + ": not readable (" + e.getMessage() + ")");
        }
        JsonNode config = doc.path("config");
        if (config.isMissingNode() || !config.has("seed")) {
            throw new IllegalArgumentException(runJson + ": field 'config' with the resolved run is missing; not a run.json");
        }
        RunSpec run = new RunSpec(config.path("suite").asText(), config.path("task").asText(), config.path("method").asText(),
                config.path("label").asText(), JSON.convertValue(config.path("options"), Map.class), config.path("seed").asLong(),
                JSON.convertValue(config.path("settings"), Map.class));
        if (!run.runId().equals(config.path("run_id").asText())) {
            throw new IllegalArgumentException(runJson + ": the configuration hashes to " + run.runId()
                    + ", not the recorded run id " + config.path("run_id").asText() + " (file edited?)");
        }
        return new RecordedRun(runJson, run, config.path("suite_version").asInt(1),
                JSON.convertValue(doc.path("result").path("metricsBest"), TreeMap.class),
                JSON.convertValue(doc.path("result").path("metricsLast"), TreeMap.class),
                doc.path("result").path("device").isObject()
                        ? doc.path("result").path("device").path("device").asText(DeviceNames.CPU) : DeviceNames.CPU);
    }
}
