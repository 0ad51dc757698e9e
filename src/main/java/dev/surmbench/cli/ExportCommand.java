package dev.surmbench.cli;

import dev.surmbench.artifact.AdapterFiles;
import dev.surmbench.artifact.ExportFormat;
import dev.surmbench.artifact.MergedExport;
import dev.surmbench.artifact.PeftExport;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.results.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surm-bench export results/<suite>/runs/<id> --format peft|merged --out DIR}: a saved adapter
 * as a Hugging Face PEFT folder ({@link PeftExport}) or as a merged Hugging Face checkpoint
 * ({@link MergedExport}). Exit 0 written, 2 bad input (no adapter, a method the format cannot
 * express — the message names the formats it supports —, an occupied --out).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run's saved adapter as a Hugging Face PEFT folder or a merged checkpoint.",
            "PEFT folders hold lora and circulant; merged checkpoints hold every method without adapter branches."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN",
            description = "a run: its folder results/<suite>/runs/<id> or its run.json; or an adapter folder")
    Path source;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "peft or merged")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write (new, or an earlier export)")
    Path out;

    @Option(names = "--backbone", paramLabel = "SRC", description = "merged: backbone source (default: the one recorded)")
    String backbone;

    @Override
    public Integer call() {
        QuietNatives.quietEngine();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ExportFormat kind = ExportFormat.fromName(format);
            AdapterFiles.Saved adapter = Files.isRegularFile(source.resolve(AdapterFiles.MANIFEST)) ? AdapterFiles.read(source)
                    : AdapterFiles.readOfRun(RunFolder.resolve(source).dir()); // a run: its adapter must be its own
            if (kind == ExportFormat.PEFT) {
                PeftExport.write(adapter, out);
            } else {
                MergedExport.write(adapter, out, backbone);
            }
            stdout.printf("exported %s (%s) as %s to %s (%d bytes)%n", adapter.manifest().runId(), adapter.manifest().recipe().method(),
                    kind.userName(), out, size(out));
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | WeightLoadException | UncheckedIOException e) {
            return Main.badInput(spec, "export", e);
        } catch (IOException e) {
            err.println("export: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
