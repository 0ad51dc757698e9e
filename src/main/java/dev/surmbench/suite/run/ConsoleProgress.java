package dev.surmbench.suite.run;

import dev.surmbench.train.EpochRecord;
import dev.surmbench.train.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one run: a progress bar (steps, loss, ETA) on an interactive terminal, plain log lines
 * every {@code logEvery} steps and at each epoch otherwise (CI logs). Closing it closes the bar (its
 * thread redraws until then), whether training finished or threw; closing twice is harmless.
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final PrintStream out;
    private final String title;
    private final boolean interactive;
    private final int logEvery;
    private ProgressBar bar;
    private long total;

    public ConsoleProgress(PrintStream out, String title, boolean interactive, int logEvery) {
        this.out = out;
        this.title = title;
        this.interactive = interactive;
        this.logEvery = logEvery;
    }

    /** True when stdout is a terminal. */
    public static boolean isInteractive() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void started(long totalSteps) {
        total = totalSteps;
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(title).setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        } else {
            out.printf(Locale.ROOT, "%s: %d steps%n", title, totalSteps);
        }
    }

    @Override
    public void step(long step, double loss, double learningRate) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", loss));
        } else if (logEvery > 0 && step % logEvery == 0) {
            out.printf(Locale.ROOT, "%s: step %d/%d loss %.4f lr %.2e%n", title, step, total, loss, learningRate);
        }
    }

    @Override
    public void epochEnded(EpochRecord record) {
        String line = String.format(Locale.ROOT, "%s: epoch %d train loss %.4f dev %s (%.1fs)", title, record.epoch() + 1,
                record.trainLoss(), record.metrics(), record.trainSeconds() + record.evalSeconds());
        if (bar != null) {
            bar.setExtraMessage(line);
        } else {
            out.println(line);
        }
    }

    @Override
    public void finished() {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
