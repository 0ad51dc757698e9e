package dev.surmbench.cli;

import dev.surmbench.util.BuildInfo;
import picocli.CommandLine;

/** {@code --version}: the project version and the git commit the classes were built from ({@link BuildInfo}). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"surm-bench " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")"};
    }
}
