package dev.surmbench.report;

import dev.surmbench.results.DeviceUsage;
import dev.surmbench.results.RunProtocol;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.results.RunsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fabricated runs.csv rows for report tests (written with {@link RunsCsv#write}). */
public final class RunFixtures {
    private final String suite;
    private final List<RunRecord> runs = new ArrayList<>();
    private final Map<String, Double> trivialByTask = new java.util.HashMap<>();
    private DeviceUsage device = DeviceUsage.cpu("Test CPU");
    private double learningRate = Double.NaN;
    private boolean validationLoss = true;
    private double devGain = Double.NaN;

    public RunFixtures(String suite) {
        this.suite = suite;
    }

    /** The headline metric the data package would use for {@code task}. */
    public static String headline(String task) {
        return switch (task) {
            case "cola" -> "mcc";
            case "stsb" -> "pearson";
            default -> "accuracy";
        };
    }

    /** Runs of {@code task} added from now on record {@code value} as their trivial predictor's headline (a fraction). */
    public RunFixtures trivial(String task, double value) {
        trivialByTask.put(task, value);
        return this;
    }

    /**
     * Runs added from now on chose their epoch on a validation split and trained at {@code learningRate}:
     * each scores its value + 0.01 on validation, and its best dev epoch (the paper protocol) scores the
     * value + {@code devGain}; their validation loss is 1 − their validation score (unless {@link
     * #noValidationLoss()}). Their run ids carry the rate, so trials of one seed at several rates differ.
     */
    public RunFixtures validation(double learningRate, double devGain) {
        this.learningRate = learningRate;
        this.devGain = devGain;
        return this;
    }

    /** Runs added from now on record no validation loss (as rows written before the trainer measured it). */
    public RunFixtures noValidationLoss() {
        this.validationLoss = false;
        return this;
    }

    /** Runs added from now on record {@code used} as their device. */
    public RunFixtures device(DeviceUsage used) {
        this.device = used;
        return this;
    }

    /** Adds a completed run with headline value {@code value} (a fraction, like the engine records). */
    public RunFixtures ok(String task, String method, long seed, double value, long trainable, double examplesPerSecond) {
        return add(task, method, method, seed, RunStatus.COMPLETED, "", value, trainable, examplesPerSecond);
    }

    /** Adds a run of any status. */
    public RunFixtures add(String task, String method, String label, long seed, RunStatus status, String detail,
            double value, long trainable, double examplesPerSecond) {
        String id = suite + "-" + task + "-" + label.replaceAll("[^A-Za-z0-9]+", "_") + "-s" + seed
                + (Double.isNaN(learningRate) ? "" : "-lr" + learningRate);
        return add(id, task, method, label, seed, status, detail, value, trainable, examplesPerSecond);
    }

    /** Adds a run under the run id {@code id} (e.g. a seed run twice). */
    public RunFixtures add(String id, String task, String method, String label, long seed, RunStatus status,
            String detail, double value, long trainable, double examplesPerSecond) {
        String metric = headline(task);
        runs.add(new RunRecord(id, suite, task, method, label, "{}", seed, "all-minilm-l6-v2", status, detail, metric,
                value, value - 0.001, 1, Map.of(metric, value, "loss", 0.25), Map.of(metric, value - 0.001, "loss", 0.3),
                trivialByTask.containsKey(task) ? Map.of(metric, trivialByTask.get(task)) : Map.of(),
                trainable, trainable, 770, 22_700_000L + trainable, 3, 300, examplesPerSecond, examplesPerSecond * 40,
                examplesPerSecond * 3, 120.5, 512, 900, device, 2, "2025-01-01T00:00:0" + (seed % 10) + "Z",
                "2025-01-01T00:10:0" + (seed % 10) + "Z", "abc1234", Double.isNaN(learningRate) ? null
                        : new RunProtocol(RunProtocol.Selection.VALIDATION, learningRate, value + 0.01,
                                validationLoss ? Map.of(metric, value + 0.01, RunProtocol.VALIDATION_LOSS, 1 - (value + 0.01))
                                        : Map.of(metric, value + 0.01), value + devGain, 2, Map.of(metric, value + devGain))));
        return this;
    }

    /**
     * Writes a run.json with three epochs for every completed run under {@code suiteDir}: epochs 1, 2, 3
     * score {@code value − 0.02}, {@code value}, {@code value − 0.01} on the headline metric, so epoch 2 —
     * the recorded best epoch (0-based 1) — scores the recorded value.
     */
    public void writeEpochs(Path suiteDir) throws IOException {
        for (RunRecord r : runs) {
            if (!r.completed()) {
                continue;
            }
            List<Map<String, Object>> epochs = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                epochs.add(Map.of("epoch", k, "steps", 100L * k, "train_loss", 0.5 / k,
                        "metrics", Map.of(r.headlineMetric(), r.bestValue() - (k == 1 ? 0.02 : k == 3 ? 0.01 : 0))));
            }
            dev.surmbench.results.RunJson.writeValue(new dev.surmbench.results.ResultsLayout(suiteDir).runJson(r.runId()),
                    Map.of("epochs", epochs));
        }
    }

    public List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** Writes {@code <root>/<suite>/runs.csv} and returns the suite folder. */
    public Path write(Path root) throws IOException {
        Path dir = root.resolve(suite);
        RunsCsv.write(dir.resolve("runs.csv"), runs);
        return dir;
    }

    /**
     * A small GLUE suite: tasks sst2 and cola, methods lora, circulant, adapter and circulant-adapter,
     * seeds 1–3, deterministic values with seed noise.
     */
    public static RunFixtures glue(String suite) {
        RunFixtures f = new RunFixtures(suite);
        double[] noise = {0.0, 0.004, -0.003};
        for (int s = 1; s <= 3; s++) {
            double n = noise[s - 1];
            f.ok("sst2", "lora", s, 0.880 + n, 73_728, 50);
            f.ok("sst2", "circulant", s, 0.884 + n * 0.8, 18_432, 45);
            f.ok("sst2", "adapter", s, 0.886 + n, 600_000, 40);
            f.ok("sst2", "circulant-adapter", s, 0.883 + n * 1.1, 13_824, 42);
            f.ok("cola", "lora", s, 0.400 + n, 73_728, 50);
            f.ok("cola", "circulant", s, 0.410 + n * 0.9, 18_432, 45);
            f.ok("cola", "adapter", s, 0.420 + n, 600_000, 40);
            f.ok("cola", "circulant-adapter", s, 0.415 + n * 1.2, 13_824, 42);
        }
        return f;
    }
}
