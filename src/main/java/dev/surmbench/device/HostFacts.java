package dev.surmbench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU this process runs on, for run records. */
public final class HostFacts {
    /** What a fact nobody could obtain reads as. */
    public static final String UNKNOWN = "unknown";

    private HostFacts() {}

    /** The CPU model from {@code /proc/cpuinfo} ("AMD EPYC 7B13"), or the JVM's {@code os.arch} elsewhere. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch", UNKNOWN);
    }
}
