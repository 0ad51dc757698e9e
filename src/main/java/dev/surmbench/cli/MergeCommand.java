package dev.surmbench.cli;

import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code surm-bench merge results/<suite>}: unions shard files into runs.csv. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Union the shards' rows files into runs.csv.")
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "A suite's results folder, e.g. results/glue")
    Path suiteDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(suiteDir)) {
            throw new IllegalArgumentException("no results folder " + suiteDir);
        }
        ResultsLayout layout = new ResultsLayout(suiteDir);
        int files = layout.rowFiles().size();
        List<RunRecord> merged = layout.merge();
        spec.commandLine().getOut().printf("merged %d rows files into %s: %d runs%n", files, layout.runsCsv(), merged.size());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
