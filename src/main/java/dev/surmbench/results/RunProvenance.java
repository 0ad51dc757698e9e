package dev.surmbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.surmbench.util.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a number came from, as run.json's {@code provenance} object (and a pretrain stage's
 * {@code pretrain.json}) stores it: this project's git commit and whether the tree was dirty, the suite
 * file and its hash, the data files' and the backbone's hashes, and the machine — JVM, OS, DJL and
 * PyTorch versions, CPU, device, GPU, threads, times. The suite builds it when a run ends; the report's
 * provenance summary reads the same record back. Every component may be {@code null} in a file written
 * by an older version; the run-only components (suite, backbone, pretrain) are absent from a pretrain
 * stage's record and are then not written.
 *
 * @param versions JVM ({@code java}), OS ({@code os}), {@code djl} and {@code pytorch} versions, see {@link #currentVersions()}
 * @param gpu the report's GPU fact ("none (ran on cpu)" for a CPU run)
 * @param pretrain the summary of the pretrained checkpoint a {@code pretrain:} backbone resolved to
 */
@JsonRecord
public record RunProvenance(
        String gitCommit,
        Boolean gitDirty,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suiteFile,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suiteSha256,
        Map<String, String> datasetSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) String backbone,
        @JsonInclude(JsonInclude.Include.NON_NULL) String backboneInit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String backboneSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, String> backboneFilesSha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) Pretrain pretrain,
        Map<String, String> versions,
        String cpu,
        String device,
        String gpu,
        Integer threads,
        String startedAt,
        String finishedAt) {

    /** Nothing recorded: what a run.json without a {@code provenance} object reads as. */
    public static final RunProvenance NONE = new RunProvenance(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    public RunProvenance {
        datasetSha256 = ordered(datasetSha256);
        backboneFilesSha256 = ordered(backboneFilesSha256);
        versions = ordered(versions);
    }

    /**
     * The pretrain stage a run's backbone came from, as its cached {@code pretrain.json} states it:
     * folder, stage name and hash, dataset, test accuracy and seconds — or only the folder and the
     * error when that file could not be read.
     */
    @JsonRecord
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pretrain(
            String dir,
            String name,
            String hash,
            String dataset,
            Double testAccuracy,
            Double seconds,
            String error) {

        /** A stage whose {@code pretrain.json} could not be read. */
        public static Pretrain unreadable(String dir, String error) {
            return new Pretrain(dir, null, null, null, null, null, error);
        }
    }

    /**
     * The machine part of a record (runs and pretrain stages alike): versions, CPU, the device used and
     * its GPU fact, threads, times.
     */
    public record Environment(Map<String, String> versions, String cpu, String device, String gpu, int threads,
                              String startedAt, String finishedAt) {
        public Environment {
            versions = ordered(versions);
        }
    }

    /** A run's record: its suite, data and backbone, and where and when it ran. */
    public static RunProvenance ofRun(String gitCommit, Boolean gitDirty, String suiteFile, String suiteSha256,
                                      Map<String, String> datasetSha256, String backbone, String backboneInit,
                                      String backboneSha256, Map<String, String> backboneFilesSha256,
                                      Pretrain pretrain, Environment env) {
        return new RunProvenance(gitCommit, gitDirty, suiteFile, suiteSha256, datasetSha256, backbone, backboneInit,
                backboneSha256, backboneFilesSha256, pretrain, env.versions(), env.cpu(), env.device(), env.gpu(),
                env.threads(), env.startedAt(), env.finishedAt());
    }

    /** A pretrain stage's record: no suite or backbone, only the data it trained on and the machine. */
    public static RunProvenance ofPretrain(String gitCommit, Boolean gitDirty, Map<String, String> datasetSha256,
                                           Environment env) {
        return ofRun(gitCommit, gitDirty, null, null, datasetSha256, null, null, null, null, null, env);
    }

    /**
     * The commit of the git checkout holding {@code dir} (a suite file's folder: the result does not
     * depend on the working directory); outside a checkout, the commit this program was built from
     * ({@link BuildInfo}, "unknown" when the build could not tell).
     */
    public static String gitCommit(Path dir) {
        String out = git(dir, "rev-parse", "HEAD");
        return out == null || out.isBlank() ? BuildInfo.commit() : out.trim();
    }

    /** True when tracked files differ from the commit; null when unknown. */
    public static Boolean gitDirty(Path dir) {
        String out = git(dir, "status", "--porcelain", "--untracked-files=no");
        return out == null ? null : !out.isBlank();
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return text;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** JVM, OS, DJL and PyTorch versions of this process. */
    public static Map<String, String> currentVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.put("djl", ai.djl.engine.Engine.getDjlVersion());
        out.put("pytorch", ai.djl.engine.Engine.getInstance().getVersion());
        return out;
    }

    /** An unmodifiable copy that keeps the order it was written in (and its null values); null stays null. */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
