package dev.surmbench.cli;

import dev.surmbench.suite.DefaultCatalog;
import dev.surmbench.suite.RunFilter;
import dev.surmbench.suite.Suite;
import dev.surmbench.suite.SuiteException;
import dev.surmbench.suite.SuiteParser;
import dev.surmbench.suite.Tuning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code surm-bench validate FILE...}: checks suite files without running anything; exit 2 on any problem. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate suite files without running them.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", description = "Suite files")
    List<Path> files;

    @Mixin
    FilterOptions filters;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path file : files) {
            try {
                Suite suite = SuiteParser.parse(file, new DefaultCatalog());
                RunFilter filter = filters.filter();
                out.printf("%s: ok (suite %s v%d, %d runs)%n", file, suite.name(), suite.version(), suite.runs().size());
                Tuning tuning = suite.tuning();
                if (tuning.declared()) {
                    List<Tuning.Cell> unpinned = tuning.unpinned();
                    out.printf("  tuning: %d cells, %d pinned%s%n", tuning.cells().size(), tuning.cells().size() - unpinned.size(),
                            unpinned.isEmpty() ? "" : "; the final stage waits for `surm-bench tune " + file + "`");
                    unpinned.stream().map(Tuning.Cell::stale).filter(java.util.Objects::nonNull)
                            .forEach(reason -> out.printf("  stale pin: %s%n", reason));
                }
                if (!filter.isEmpty()) {
                    Suite kept = filter.apply(suite);
                    out.printf("%s keeps %d runs, recorded as suite %s:%n", filter.describe(), kept.runs().size(), kept.name());
                    kept.runs().forEach(r -> out.printf("  %s %s %s seed %d%n", r.runId(), r.task(), r.label(), r.seed()));
                }
            } catch (IllegalArgumentException e) { // a SuiteException, or a filter naming what the suite lacks
                bad++;
                err.println(e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? 0 : Main.EXIT_BAD_INPUT;
    }
}
