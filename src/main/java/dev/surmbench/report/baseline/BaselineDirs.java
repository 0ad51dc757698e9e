package dev.surmbench.report.baseline;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the project's {@code baselines/} folder is, whatever the working directory: the first folder
 * named {@code baselines} in the results folder's ancestors (results live in the checkout:
 * {@code <checkout>/results/<suite>}), else beside the program's {@code target/} (the jar's
 * checkout), else in the working directory.
 */
public final class BaselineDirs {
    /** The folder's name. */
    public static final String NAME = "baselines";

    private BaselineDirs() {}

    /** The baselines folder for the results in {@code suiteDir}, if one is found. */
    public static Optional<Path> find(Path suiteDir) {
        return candidates(suiteDir).stream().filter(Files::isDirectory).findFirst();
    }

    /** The folders {@link #find} looks at, in order (for the message when none is there). */
    public static List<Path> candidates(Path suiteDir) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p = suiteDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            out.add(p.resolve(NAME));
        }
        programCheckout().ifPresent(root -> out.add(root.resolve(NAME)));
        out.add(Path.of(NAME).toAbsolutePath().normalize());
        return new ArrayList<>(out);
    }

    /** The checkout the program was built in: the folder above {@code target/} holding its classes or jar. */
    static Optional<Path> programCheckout() {
        try {
            Path code = Path.of(BaselineDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
                    return Optional.of(p.getParent());
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: nothing to look at
        }
        return Optional.empty();
    }
}
