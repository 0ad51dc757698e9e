package dev.surmbench.data.glue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point for reading a GLUE task wherever it lives: from the folder the user named (suite
 * setting, {@code -Dglue.dir}, {@code GLUE_DIR} — never downloaded into), else from the download
 * cache, fetching it first when missing.
 */
public final class GlueData {

    private final GlueLocation location;
    private final GlueDownloader downloader;

    public GlueData(GlueLocation location, GlueDownloader downloader) {
        this.location = location;
        this.downloader = downloader;
    }

    /** Resolves the location from the JVM settings; {@code setting} (a suite's glue dir) may be null. */
    public static GlueData fromSettings(String setting) {
        GlueLocation location = GlueLocation.resolve(setting);
        GlueDownloader downloader = GlueDownloader.defaults();
        return new GlueData(location, downloader);
    }

    /** Where the files are read from. */
    public GlueLocation location() {
        return location;
    }

    /** Loads train and dev of {@code task}, downloading into the cache if needed (cache location only). */
    public TaskData load(GlueTask task) {
        Path dir = location.dir();
        if (location.isConfigured()) {
            Path train = dir.resolve(task.relativePath(GlueSplit.TRAIN));
            if (!Files.isRegularFile(train)) {
                throw new IllegalArgumentException("GLUE task " + task.userName() + " is not in " + dir + " (from "
                        + location.source().description() + "): missing " + train
                        + "; point it at a folder laid out by the GLUE download script, or unset it to download");
            }
        } else {
            try {
                dir = downloader.ensure(task);
            } catch (IOException e) {
                throw new UncheckedIOException(downloadFailed(task, dir, e, System.getenv(GlueLocation.ENV)), e);
            }
        }
        return TaskData.read(task, dir);
    }

    /**
     * The one line for a download that failed: the task, where it went, the cause, and the fix —
     * naming {@code GLUE_DIR} (and saying so when it is set but empty, which means "not set").
     */
    static String downloadFailed(GlueTask task, Path cache, IOException cause, String glueDirEnv) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String empty = glueDirEnv != null && glueDirEnv.isBlank() ? " (" + GlueLocation.ENV + " is set but empty, so "
                + "the download cache was used)" : "";
        return "cannot download GLUE task " + task.userName() + " into " + cache + ": " + reason + empty + "; set "
                + GlueLocation.ENV + " to a folder holding the GLUE files (" + task.relativePath(GlueSplit.TRAIN)
                + ", …), or run where the download can reach the network";
    }
}
