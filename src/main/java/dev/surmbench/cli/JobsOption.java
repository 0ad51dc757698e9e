package dev.surmbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --jobs N}: how many runs (of {@code run}) or trials (of {@code tune}) train at once, each in its
 * own worker process with an equal part of the threads ({@link Workers}); a picocli mixin. The count is
 * checked with the thread split ({@code EngineThreads.choose}).
 */
public final class JobsOption {
    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "runs at once, each in its own worker process with an equal part of the threads "
                    + "(default: ${DEFAULT-VALUE})")
    int jobs;

    /** The count given. */
    public int count() {
        return jobs;
    }
}
