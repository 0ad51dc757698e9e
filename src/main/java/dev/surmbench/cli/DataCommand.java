package dev.surmbench.cli;

import dev.surmbench.data.DataInventory;
import dev.surmbench.data.glue.GlueLocation;
import dev.surmbench.data.image.ImageSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code data list} and {@code data verify}: where each dataset is read from, and whether its files are intact. */
@Command(name = "data", description = "List and verify GLUE tasks and image datasets.",
        mixinStandardHelpOptions = true, subcommands = {DataCommand.ListDataCommand.class, DataCommand.VerifyCommand.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by both subcommands. */
    static final class Locations {
        @Option(names = "--glue-dir", description = "GLUE directory (default: -Dglue.dir, $GLUE_DIR, else the cache)")
        String glueDir;

        @Option(names = "--images-dir", description = "images root (default: -Dimages.dir, $IMAGES_DIR, else the cache)")
        Path imagesDir;

        GlueLocation glue() {
            return GlueLocation.resolve(glueDir);
        }

        Path images() {
            return imagesDir != null ? imagesDir : ImageSource.root();
        }
    }

    /** What both subcommands share: where the data lives, and the command line to print to. */
    abstract static class DataSubcommand implements Callable<Integer> {
        @CommandLine.Mixin
        Locations locations = new Locations();

        @Spec
        CommandLine.Model.CommandSpec spec;
    }

    @Command(name = "list", description = "Print every task/dataset, where it is read from, and its row counts.",
            mixinStandardHelpOptions = true)
    static final class ListDataCommand extends DataSubcommand {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            GlueLocation glue = locations.glue();
            out.printf("GLUE directory: %s (%s)%n", glue.dir(), glue.source().description());
            out.printf("images root:    %s%n", locations.images());
            out.printf("%-6s %-14s %-8s %-28s %s%n", "KIND", "NAME", "PRESENT", "ROWS", "LOCATION");
            for (DataInventory.Listing listing : DataInventory.list(glue, locations.images())) {
                String rows = listing.rows().isEmpty() ? "-" : listing.rows().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                out.printf("%-6s %-14s %-8s %-28s %s%n", listing.kind(), listing.name(),
                        listing.present() ? "yes" : "no", rows, listing.location());
                if (listing.problem() != null) {
                    out.printf("       problem: %s%n", listing.problem());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "verify", description = "Check every file with a recorded SHA-256; exit 1 when one is missing or differs.",
            mixinStandardHelpOptions = true)
    static final class VerifyCommand extends DataSubcommand {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<DataInventory.FileCheck> checks = DataInventory.verify(locations.glue(), locations.images());
            long mismatches = 0;
            long ok = 0;
            for (DataInventory.FileCheck check : checks) {
                switch (check.status()) {
                    case OK -> ok++;
                    case MISMATCH -> mismatches++;
                    default -> { }
                }
                out.printf("%-9s %s%s%n", check.status(), check.file(), check.status() == DataInventory.Status.MISMATCH
                        ? " (expected " + check.expected() + ", got " + check.actual() + ")" : "");
            }
            long missing = checks.size() - ok - mismatches;
            out.printf("%d ok, %d mismatched, %d missing%n", ok, mismatches, missing);
            out.flush();
            return mismatches + missing > 0 ? 1 : 0;
        }
    }
}
