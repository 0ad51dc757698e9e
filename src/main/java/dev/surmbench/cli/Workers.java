package dev.surmbench.cli;

import dev.surmbench.suite.Suite;
import dev.surmbench.suite.run.JobPool;
import dev.surmbench.suite.run.SuiteRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --jobs N} of {@code run} and {@code tune}: N worker processes, each the same command at
 * {@code --jobs 1} with its part of the threads, over the results folder's claim/lock protocol
 * ({@link JobPool}); the parent sums their rows in one {@code done:} line.
 */
final class Workers {
    private Workers() {}

    /** The arguments every worker of {@code command} gets; {@code more}: the command's own flags. */
    static List<String> arguments(String command, Path suiteFile, Path out, int threadsPerRun, ShardOption share,
                                  DeviceOption device, List<String> more) {
        List<String> args = new ArrayList<>(List.of(command, suiteFile.toString(), "--out", out.toString(),
                "--threads", Integer.toString(threadsPerRun), "--jobs", "1"));
        if (share.count() > 1) {
            args.addAll(List.of("--shard", share.index() + "/" + share.count()));
        }
        if (device.value() != null) {
            args.addAll(List.of("--device", device.value()));
        }
        args.addAll(more);
        return args;
    }

    /** Runs {@code jobs} workers with {@code args} over {@code suite}'s share and logs the sum. */
    static JobPool.Outcome run(int jobs, List<String> args, Suite suite, SuiteRunner.Options options) throws Exception {
        JobPool.Outcome outcome = new JobPool(jobs, k -> JobPool.javaCommand(Main.class.getName(), args), options.log(),
                System.err).run(suite, options);
        SuiteRunner.Summary summary = outcome.summary();
        options.log().printf("done: %d runs with %d jobs, %d skipped as already recorded, %d completed, %d diverged, "
                + "%d failed, %d not recorded (other processes, or a job stopped early); jobs exited %s%n", summary.total(),
                jobs, summary.skipped(), summary.completed(), summary.diverged(), summary.failed(), summary.elsewhere(),
                outcome.exitCodes());
        return outcome;
    }
}
