package dev.surmbench.cli;

import ai.djl.Device;
import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.SentenceEmbeddings;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.suite.DeviceChoice;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.surmbench.util.Utf8;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code encode --backbone SRC --text-file F}: for each line of F (empty lines included), the
 * mean-pooled (attention-masked), L2-normalised sentence embedding of the backbone's last hidden
 * state as one CSV row of {@code Float.toString} values, so the encoder can be compared with any
 * other implementation from the shell. Exit code 2 for bad input.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Print mean-pooled, L2-normalised sentence embeddings, one CSV row per line of a text file.")
public final class EncodeCommand implements Callable<Integer> {

    @Option(names = "--backbone", required = true, paramLabel = "SRC",
            description = "embedded:all-minilm-l6-v2, maven:bert-base-uncased, hf:<dir> or hf:<org>/<name>[@rev]")
    String backbone;

    @Option(names = "--text-file", required = true, paramLabel = "F", description = "UTF-8 text, one sentence per line")
    Path textFile;

    @Option(names = "--max-length", defaultValue = "128", description = "truncate to this many tokens, [CLS]/[SEP] included (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "sentences per forward pass (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Mixin
    DeviceOption device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (maxLength < 2 || batchSize < 1) {
            err.println("--max-length must be >= 2 and --batch-size >= 1");
            return Main.EXIT_BAD_INPUT;
        }
        if (!Files.isRegularFile(textFile)) {
            err.println("text file not found: " + textFile);
            return Main.EXIT_BAD_INPUT;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(textFile, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            Utf8.Position at = Utf8.firstMalformed(textFile).orElse(new Utf8.Position(1, 1));
            err.println(textFile + ":" + at.line() + ":" + at.column() + ": not UTF-8 text; --text-file takes UTF-8 "
                    + "text, one sentence per line");
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("cannot read " + textFile + ": " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        BackboneSource source;
        try {
            source = BackboneSource.parse(backbone);
            if (source.config().family() != Architecture.Family.BERT) {
                err.println("backbone " + backbone + " is not a text encoder");
                return Main.EXIT_BAD_INPUT;
            }
        } catch (IllegalArgumentException | WeightLoadException e) {
            err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        Device on;
        try {
            on = device.resolve(DeviceChoice.AUTO);
        } catch (IllegalArgumentException e) {
            return Main.badInput(spec, "encode", e);
        }
        try (ClassificationModel model = Backbones.encoder(source, on);
                TextTokenizer tokenizer = TextTokenizer.fromTokenizerJson(model.tokenizerPath().orElseThrow(
                        () -> new WeightLoadException(backbone, null, "the backbone has no tokenizer")), maxLength)) {
            PrintWriter out = spec.commandLine().getOut();
            for (float[] row : SentenceEmbeddings.embed(model, tokenizer, lines, batchSize)) {
                StringBuilder sb = new StringBuilder(row.length * 12);
                for (int i = 0; i < row.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(Float.toString(row[i]));
                }
                out.println(sb);
            }
            out.flush();
            return 0;
        } catch (WeightLoadException e) {
            err.println(e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
    }
}
