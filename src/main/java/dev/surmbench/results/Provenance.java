package dev.surmbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a number came from: this project's git commit and whether the tree was dirty, and the
 * versions of the JVM, OS, DJL and PyTorch. Stored in every run.json so any result can be traced.
 */
public final class Provenance {
    private Provenance() {}

    /** The commit of the working tree at {@code dir}, or "unknown" outside a git checkout. */
    public static String gitCommit(Path dir) {
        String out = git(dir, "rev-parse", "HEAD");
        return out == null || out.isBlank() ? "unknown" : out.trim();
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

    /** JVM, OS, DJL and PyTorch versions. */
    public static Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.put("djl", ai.djl.engine.Engine.getDjlVersion());
        out.put("pytorch", ai.djl.engine.Engine.getInstance().getVersion());
        return out;
    }
}
