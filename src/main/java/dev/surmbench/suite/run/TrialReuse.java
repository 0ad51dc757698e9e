package dev.surmbench.suite.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A final-stage run that the suite's tuning already trained is adopted instead of trained again. When
 * trials run at the final budget ({@code tune.full_budget}, or a suite whose trials use its final
 * settings) the trial at a cell's winning rate and a final seed <em>is</em> that final run: the same
 * run id, so the same settings, seed and data. Adopted: a completed row of {@code <out>/<suite>-tune/}
 * with that id whose run folder and run.json resume would accept there ({@link RecordedData}: present,
 * with dataset hashes that match the files now). Its folder (run.json, adapter) is copied into the final
 * stage's, run.json's {@code config.suite} and {@code result} rewritten to the final suite; its row
 * keeps every number and says in {@code status_detail} where it was trained. Anything else — no such
 * trial, a failed or diverged one, one on other data — is trained by the wrapped executor.
 *
 * <p>{@code run --retrain-trials} does without it: the final stage then trains every run again, which
 * checks that the trials reproduce (how the defect described in docs/tuning.md was found).
 */
public final class TrialReuse implements RunExecutor {
    private final RunExecutor trainer;

    public TrialReuse(RunExecutor trainer) {
        this.trainer = trainer;
    }

    @Override
    public RunRecord execute(Suite suite, RunSpec spec, ResultsLayout layout, SuiteRunner.Options options) {
        ResultsLayout trials = layout.tuneStage();
        RunRecord trial = adoptable(trials, spec);
        if (trial == null) {
            return trainer.execute(suite, spec, layout, options);
        }
        try {
            RunRecord adopted = trial.adoptedBy(suite.name(), "trial " + spec.runId() + " of "
                    + trials.suiteDir().getFileName() + ", finished " + trial.finishedAt()
                    + " (same run id: same settings, seed and data)");
            copyRunFolder(trials.runDir(spec.runId()), layout.runDir(spec.runId()), suite.name(), adopted);
            options.log().printf("  adopting trial %s of %s (trained %s): the same run, not trained again%n",
                    spec.runId(), trials.suiteDir().getFileName(), trial.finishedAt());
            return adopted;
        } catch (IOException | UncheckedIOException e) {
            options.log().printf("  could not adopt trial %s of %s (%s): training it%n", spec.runId(),
                    trials.suiteDir().getFileName(), e.getMessage());
            return trainer.execute(suite, spec, layout, options);
        }
    }

    /** The completed trial row of {@code spec} that resume would skip in {@code trials}; null when none. */
    private RunRecord adoptable(ResultsLayout trials, RunSpec spec) {
        if (!Files.isDirectory(trials.suiteDir())) {
            return null;
        }
        RunRecord row = trials.allRuns().stream().filter(r -> r.runId().equals(spec.runId())).findFirst().orElse(null);
        if (row == null || row.status() != RunStatus.COMPLETED || RecordedData.missing(trials, spec, row, trainer) != null
                || !RecordedData.changes(trials, spec, trainer).isEmpty()) {
            return null;
        }
        return row;
    }

    /**
     * Copies the trial's folder into {@code target} (files replaced; a killed copy leaves no row, so the next
     * run adopts again), run.json last and atomically, its suite and result those of the adopting suite.
     */
    private static void copyRunFolder(Path source, Path target, String suiteName, RunRecord adopted) throws IOException {
        Path json = source.resolve(ResultsLayout.RUN_JSON);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.equals(json)) {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        JsonNode tree = RunJson.readTree(json);
        if (!(tree instanceof ObjectNode document)) {
            throw new IOException(json + " is not a JSON object");
        }
        if (document.get("config") instanceof ObjectNode config) {
            config.put("suite", suiteName);
        }
        if (document.has("result")) {
            document.set("result", RunJson.toTree(adopted));
        }
        RunJson.writeValue(target.resolve(ResultsLayout.RUN_JSON), document);
    }

    @Override
    public void prepare(List<RunSpec> pending) {
        trainer.prepare(pending);
    }

    @Override
    public Map<String, String> currentDatasetSha(RunSpec spec) {
        return trainer.currentDatasetSha(spec);
    }
}
