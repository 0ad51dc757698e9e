package dev.surmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.run.SuiteRunner;
import dev.surmbench.suite.run.TrainingRunExecutor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench replay results/<suite>/runs/<id>/run.json}: re-runs exactly that run (same
 * resolved configuration and seed) in a scratch folder and prints the metric differences; exit 0
 * when every recorded metric is reproduced bit for bit, 1 otherwise.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-run one run from its run.json and diff the metrics.")
public final class ReplayCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "A run.json written by 'run'")
    Path runJson;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        if (!Files.isRegularFile(runJson)) {
            throw new IllegalArgumentException("no run.json at " + runJson);
        }
        JsonNode doc;
        try {
            doc = RunJson.read(runJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(runJson + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON (" + e.getOriginalMessage() + "); not a run.json written by 'run'");
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
        Path scratch = Files.createTempDirectory("surm-replay");
        PrintWriter out = spec.commandLine().getOut();
        Suite suite = new Suite(run.suite(), config.path("suite_version").asInt(1), runJson, "replay", List.of(run));
        SuiteRunner.Options options = new SuiteRunner.Options(scratch, 1, 1, false, System.out, false);
        RunRecord replayed = new TrainingRunExecutor(Path.of(".")).execute(suite, run, ResultsLayout.of(scratch, run.suite()), options);
        Map<String, Double> before = JSON.convertValue(doc.path("result").path("metricsBest"), TreeMap.class);
        Map<String, Double> beforeLast = JSON.convertValue(doc.path("result").path("metricsLast"), TreeMap.class);
        int differences = diff(out, "best", before, replayed.metricsBest()) + diff(out, "last", beforeLast, replayed.metricsLast());
        out.printf("replayed %s (%s %s seed %d): %s, %d metric difference(s)%n", run.runId(), run.task(), run.label(),
                run.seed(), replayed.status().csvName(), differences);
        out.flush();
        return differences == 0 ? 0 : 1;
    }

    private static int diff(PrintWriter out, String which, Map<String, Double> recorded, Map<String, Double> now) {
        int differences = 0;
        for (String metric : new TreeSet<>(recorded == null ? Map.<String, Double>of().keySet() : recorded.keySet())) {
            Number a = recorded.get(metric);
            Double b = now.get(metric);
            boolean same = a != null && b != null && Double.compare(a.doubleValue(), b) == 0;
            out.printf("  %-5s %-22s recorded %-22s replayed %-22s %s%n", which, metric, a, b, same ? "same" : "DIFFERENT");
            differences += same ? 0 : 1;
        }
        return differences;
    }
}
