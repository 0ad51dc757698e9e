package dev.surmbench.suite.run;

import dev.surmbench.train.EpochRecord;
import dev.surmbench.train.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one run (or of any counted work: the activation cache's examples) that a person and a
 * log file can both read: on an interactive terminal a progress bar (done/total, examples/s, ETA);
 * otherwise one plain line every {@value #LOG_EVERY_MILLIS} ms — {@code title: step 120/1070 (11%),
 * loss 0.6931, lr 1.9e-03, 41.3 ex/s, ETA 6m24s} — plus one per epoch. Closing it closes the bar (its
 * thread redraws until then), whether the work finished or threw; closing twice is harmless.
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {
    /** How often a non-interactive log gets a progress line. */
    public static final long LOG_EVERY_MILLIS = 30_000;

    private final PrintStream out;
    private final String title;
    private final boolean interactive;
    private final int examplesPerStep;
    private final String unit;
    private final long everyNanos;
    private final LongSupplier clock;
    private ProgressBar bar;
    private long total;
    private long startNanos;
    private long lastLineNanos;

    /** Training progress; {@code examplesPerStep}: the batch size (for examples/s). */
    public ConsoleProgress(PrintStream out, String title, boolean interactive, int examplesPerStep) {
        this(out, title, interactive, examplesPerStep, "step", LOG_EVERY_MILLIS, System::nanoTime);
    }

    ConsoleProgress(PrintStream out, String title, boolean interactive, int examplesPerStep, String unit,
                    long everyMillis, LongSupplier clock) {
        this.out = out;
        this.title = title;
        this.interactive = interactive;
        this.examplesPerStep = Math.max(1, examplesPerStep);
        this.unit = unit;
        this.everyNanos = everyMillis * 1_000_000L;
        this.clock = clock;
    }

    /** Progress over {@code examples} counted one by one (no loss): the activation cache. */
    static ConsoleProgress ofExamples(PrintStream out, String title, boolean interactive) {
        return new ConsoleProgress(out, title, interactive, 1, "example", LOG_EVERY_MILLIS, System::nanoTime);
    }

    /** True when stdout is a terminal. */
    public static boolean isInteractive() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void started(long totalSteps) {
        total = totalSteps;
        startNanos = clock.getAsLong();
        lastLineNanos = startNanos;
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(title).setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                    .setUnit(" " + unit + "s", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        } else {
            out.printf(Locale.ROOT, "%s: %d %ss%s%n", title, totalSteps, unit,
                    examplesPerStep > 1 ? " of " + examplesPerStep + " examples" : "");
        }
    }

    @Override
    public void step(long step, double loss, double learningRate) {
        long now = clock.getAsLong();
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(Double.isNaN(loss) ? rate(step, now) : String.format(Locale.ROOT, "loss %.4f, %s", loss, rate(step, now)));
        } else if (now - lastLineNanos >= everyNanos && step < total) {
            lastLineNanos = now;
            out.println(line(step, loss, learningRate, now));
        }
    }

    /** The plain progress line for {@code step} at time {@code now}. */
    String line(long step, double loss, double learningRate, long now) {
        String values = Double.isNaN(loss) ? "" : String.format(Locale.ROOT, ", loss %.4f, lr %.2e", loss, learningRate);
        return String.format(Locale.ROOT, "%s: %s %d/%d (%d%%)%s, %s", title, unit, step, total,
                total == 0 ? 100 : step * 100 / total, values, rate(step, now));
    }

    /** {@code "41.3 ex/s, ETA 6m24s"} from the pace since {@link #started}. */
    private String rate(long step, long now) {
        double seconds = (now - startNanos) / 1e9;
        if (step <= 0 || seconds <= 0) {
            return "starting";
        }
        double perSecond = step / seconds;
        return String.format(Locale.ROOT, "%.1f ex/s, ETA %s", perSecond * examplesPerStep,
                SuiteEta.duration(Math.max(0, total - step) / perSecond));
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
