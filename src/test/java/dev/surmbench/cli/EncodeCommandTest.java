package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.text.TextTokenizer;
import dev.surmbench.model.Backbones;
import dev.surmbench.model.ClassificationModel;
import dev.surmbench.model.SentenceEmbeddings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code surm-bench encode}: one CSV row per line, full float precision; bad input exits 2. */
class EncodeCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsOneNormalisedRowPerLine() throws Exception {
        List<String> lines = List.of("a charming and often affecting journey .", "", "the acting , costumes , music are all superb");
        Path f = tmp.resolve("in.txt");
        Files.write(f, lines);
        Run r = run("encode", "--backbone", "embedded:all-minilm-l6-v2", "--text-file", f.toString(), "--batch-size", "2");
        assertEquals(0, r.code(), r.err());
        String[] rows = r.out().strip().split("\n");
        assertEquals(3, rows.length);
        List<float[]> expected;
        try (ClassificationModel m = Backbones.encoder("embedded:all-minilm-l6-v2");
                TextTokenizer tok = TextTokenizer.fromTokenizerJson(m.tokenizerPath().orElseThrow(), 128)) {
            expected = SentenceEmbeddings.embed(m, tok, lines, 3);
        }
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(",");
            assertEquals(384, cells.length);
            float[] v = new float[cells.length];
            double norm = 0;
            for (int j = 0; j < cells.length; j++) {
                v[j] = Float.parseFloat(cells[j]);
                norm += v[j] * v[j];
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5);
            assertArrayEquals(expected.get(i), v, 1e-6f, "row " + i + " (batching must not change results)");
        }
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        Path f = tmp.resolve("in.txt");
        Files.writeString(f, "hello\n");
        Run missing = run("encode", "--backbone", "embedded:all-minilm-l6-v2", "--text-file", tmp.resolve("nope.txt").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("not found"), missing.err());
        Run unknown = run("encode", "--backbone", "embedded:nope", "--text-file", f.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("known forms"), unknown.err());
        assertEquals(2, run("encode", "--text-file", f.toString()).code());
        assertEquals(2, run("encode", "--backbone", "embedded:all-minilm-l6-v2", "--text-file", f.toString(), "--max-length", "1").code());
    }
}
