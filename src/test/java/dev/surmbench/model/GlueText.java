package dev.surmbench.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real sentences from the GLUE files ($GLUE_DIR or -Dglue.dir) for model tests. */
final class GlueText {
    private GlueText() {}

    static Path glueDir() {
        String dir = System.getProperty("glue.dir");
        if (dir == null || dir.isBlank() || dir.contains("${")) {
            dir = System.getenv("GLUE_DIR");
        }
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("GLUE data not found: set GLUE_DIR (or -Dglue.dir) to the folder holding SST-2/, RTE/, …; got " + dir);
        }
        return Path.of(dir);
    }

    /** Column {@code column} of the first {@code n} rows of {@code task/dev.tsv} (header skipped). */
    static List<String> column(String task, String column, int n) {
        Path file = glueDir().resolve(task).resolve("dev.tsv");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int index = List.of(lines.get(0).split("\t", -1)).indexOf(column);
            if (index < 0) {
                throw new IllegalStateException(file + " has no column " + column);
            }
            List<String> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (out.size() == n) {
                    break;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length > index && !cells[index].isBlank()) {
                    out.add(cells[index]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * {@code n} sentences of mixed length: SST-2 (short) interleaved with RTE premises (long), so
     * every batch has padding.
     */
    static List<String> mixed(int n) {
        List<String> shortOnes = column("SST-2", "sentence", n);
        List<String> longOnes = column("RTE", "sentence1", n);
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            out.add(i % 2 == 0 ? shortOnes.get(i / 2) : longOnes.get(i / 2));
        }
        return out;
    }
}
