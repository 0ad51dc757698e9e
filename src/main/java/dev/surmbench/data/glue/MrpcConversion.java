package dev.surmbench.data.glue;

import dev.surmbench.data.DataFormatException;
import dev.surmbench.data.TsvFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds MRPC's {@code train.tsv}, {@code dev.tsv} and {@code test.tsv} from the SentEval files
 * {@code msr_paraphrase_train.txt} / {@code msr_paraphrase_test.txt} and {@code dev_ids.tsv},
 * byte for byte as the GLUE download script's {@code format_mrpc} does: the header line (with its
 * UTF-8 byte-order mark) is copied, each row is stripped of surrounding whitespace and rewritten
 * with five tab-separated cells, and rows whose id pair is in {@code dev_ids.tsv} go to dev.
 */
public final class MrpcConversion {

    private MrpcConversion() {}

    /** Writes the three files into {@code mrpcDir}, which holds the three source files. */
    public static void convert(Path mrpcDir) throws IOException {
        Set<String> devIds = new HashSet<>();
        TsvFile.forEachLine(mrpcDir.resolve("dev_ids.tsv"), (n, line) -> devIds.add(String.join("\t",
                TsvFile.split(pythonStrip(line)))));
        Path trainSource = mrpcDir.resolve("msr_paraphrase_train.txt");
        List<String> header = new ArrayList<>(1);
        try (BufferedWriter train = Files.newBufferedWriter(mrpcDir.resolve("train.tsv"), StandardCharsets.UTF_8);
                BufferedWriter dev = Files.newBufferedWriter(mrpcDir.resolve("dev.tsv"), StandardCharsets.UTF_8)) {
            forEachRow(trainSource, header, cells -> {
                boolean inDev = devIds.contains(cells.get(1) + "\t" + cells.get(2));
                (inDev ? dev : train).write(String.join("\t", cells) + "\n");
            }, () -> {
                train.write(header.get(0) + "\n");
                dev.write(header.get(0) + "\n");
            });
        }
        int[] index = {0};
        try (BufferedWriter test = Files.newBufferedWriter(mrpcDir.resolve("test.tsv"), StandardCharsets.UTF_8)) {
            test.write("index\t#1 ID\t#2 ID\t#1 String\t#2 String\n");
            forEachRow(mrpcDir.resolve("msr_paraphrase_test.txt"), new ArrayList<>(1), cells -> {
                cells.set(0, Integer.toString(index[0]++));
                test.write(String.join("\t", cells) + "\n");
            }, () -> { });
        }
    }

    private interface RowAction {
        void accept(List<String> cells) throws IOException;
    }

    private interface HeaderAction {
        void run() throws IOException;
    }

    private static void forEachRow(Path file, List<String> header, RowAction action, HeaderAction onHeader)
            throws IOException {
        // The script reads with encoding "utf8", so the BOM stays part of the header it copies.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, 1, "empty file, expected a header", "re-download it");
        }
        header.add(lines.get(0));
        onHeader.run();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(TsvFile.split(pythonStrip(lines.get(i))));
            if (cells.size() != 5) {
                throw new DataFormatException(file, i + 1, "found " + cells.size()
                        + " tab-separated columns, expected 5", "re-download the SentEval MRPC file");
            }
            action.accept(cells);
        }
    }

    /** Python's {@code str.strip()}: removes leading and trailing whitespace as Python defines it. */
    static String pythonStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
