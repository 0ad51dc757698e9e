package dev.surmbench.suite.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunJson;
import dev.surmbench.results.RunRecord;
import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunSpec;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.run.SuiteRunner;
import dev.surmbench.suite.run.TrialReuse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final stage adopts the runs its full-budget tuning already trained (same run id) instead of training
 * them again, and trains everything else: the reduced-budget task's runs, the seeds no trial used, and a
 * trial trained on other data than the files present now.
 */
class TrialReuseTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private Suite tuned;
    private Map<String, RunRecord> trialRows;

    private SuiteRunner.Options options() {
        return new SuiteRunner.Options(dir.resolve("out"), 1, 1, false, new PrintStream(log, true, StandardCharsets.UTF_8),
                false);
    }

    @BeforeEach
    void tuneWithStsbAtTheFullBudget() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, TuneStageTest.SUITE.replace("  epochs: 1\n", "  epochs: 1\n  full_budget: [stsb]\n"));
        new TuneStage(options(), new TuneStageTest.Trials()).run(SuiteParser.parse(file, new DefaultCatalog()), file);
        tuned = SuiteParser.parse(file, new DefaultCatalog()); // now pins the winners
        tuned.tuning().requirePinned(file);
        trialRows = ResultsLayout.of(dir.resolve("out"), "t-tune").allRuns().stream()
                .collect(Collectors.toMap(RunRecord::runId, r -> r));
    }

    @Test
    void theFinalStageAdoptsTheFullBudgetTrialsAndTrainsTheRest() throws Exception {
        Set<String> adoptable = tuned.runs().stream().map(RunSpec::runId).filter(trialRows::containsKey)
                .collect(Collectors.toSet());
        assertEquals(4, adoptable.size(), "stsb's two cells at their winners, trial seeds 1 and 2");
        assertTrue(tuned.runs().stream().filter(r -> adoptable.contains(r.runId())).allMatch(r -> r.task().equals("stsb")
                && r.seed() <= 2));

        TuneStageTest.Trials finals = new TuneStageTest.Trials();
        SuiteRunner.Summary summary = new SuiteRunner(options(), new TrialReuse(finals)).run(tuned);
        assertEquals(12, summary.completed(), "every final run recorded");
        assertEquals(8, finals.executed.size(), "12 final runs less the 4 adopted");
        assertTrue(finals.executed.stream().noneMatch(adoptable::contains), "no adopted run trains again");

        ResultsLayout layout = ResultsLayout.of(dir.resolve("out"), "t");
        for (RunRecord row : layout.allRuns()) {
            if (!adoptable.contains(row.runId())) {
                assertEquals("", row.statusDetail());
                assertTrue(!row.adopted());
                continue;
            }
            RunRecord trial = trialRows.get(row.runId());
            assertTrue(row.adopted());
            assertTrue(row.statusDetail().startsWith(RunRecord.ADOPTED + "trial " + row.runId() + " of t-tune, finished "),
                    row.statusDetail());
            assertEquals(trial.adoptedBy("t", row.statusDetail().substring(RunRecord.ADOPTED.length())), row,
                    "every number is the trial's");
            JsonNode json = RunJson.readTree(layout.runJson(row.runId()));
            assertEquals("t", json.path("config").path("suite").asText());
            assertEquals("t", json.path("result").path("suite").asText());
            assertEquals(row.statusDetail(), json.path("result").path("statusDetail").asText());
            assertEquals(RunJson.readTree(ResultsLayout.of(dir.resolve("out"), "t-tune").runJson(row.runId())).path("provenance"),
                    json.path("provenance"), "the trial's provenance");
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(4, text.lines().filter(l -> l.contains("adopting trial")).count(), text);

        TuneStageTest.Trials again = new TuneStageTest.Trials();
        new SuiteRunner(options(), new TrialReuse(again)).run(tuned);
        assertEquals(List.of(), again.executed, "a second call resumes: everything recorded");
    }

    @Test
    void aTrialTrainedOnOtherDataIsTrainedAgain() throws Exception {
        TuneStageTest.Trials otherData = new TuneStageTest.Trials() {
            @Override
            public Map<String, String> currentDatasetSha(RunSpec spec) {
                return Map.of("train.tsv", "1".repeat(64));
            }
        };
        new SuiteRunner(options(), new TrialReuse(otherData)).run(tuned);
        assertEquals(12, otherData.executed.size(), "the trials' data hashes differ from the files now: nothing adopted");
    }
}
