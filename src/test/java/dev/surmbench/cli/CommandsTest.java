package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.peft.MethodRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code list} and {@code params} commands, run through the real command line. */
class CommandsTest {

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The stored and effective numbers of a method's row. */
    private static long[] row(String table, String method) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(method) + "\\s+(\\d+)\\s+(\\d+)\\s").matcher(table);
        assertTrue(m.find(), "no row for " + method + " in\n" + table);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    @Test
    void paramsForBertBaseQueryValueMatchesThePaperCounts() {
        Result r = run("params", "--arch", "bert-base", "--targets", "query,value");
        assertEquals(0, r.exitCode(), r.err());
        // Hand-computed: 12 layers x 2 targets = 24 projections of 768x768.
        assertEquals(294912, row(r.out(), "lora")[0]);            // 24 x 8 x (768 + 768)
        assertEquals(36864, row(r.out(), "circulant")[0]);        // 24 x 2 x 768 (a and b)
        assertEquals(18432, row(r.out(), "circulant")[1]);        // 24 x 768 (c = a*b)
        assertEquals(36864, row(r.out(), "toeplitz")[0]);         // 24 x 2 x 768
        assertEquals(36864, row(r.out(), "kronecker")[0]);        // 24 x (768 + 768)
        assertEquals(73728, row(r.out(), "ldr")[0]);              // 24 x 2 x 2 x 768
        // Adapters at 2 positions x 12 layers = 24 sites of width 768.
        assertEquals(2379264, row(r.out(), "adapter")[0]);        // 24 x (2 x 768 x 64 + 64 + 768)
        assertEquals(55296, row(r.out(), "circulant-adapter")[0]); // 24 x (2 x 768 + 768)
        assertTrue(r.out().contains("task head (bert.pooler + classifier, 2 labels): 592130"), r.out());
    }

    @Test
    void paramsKnowsMiniLmAndVit() {
        Result minilm = run("params", "--arch", "minilm-l6");
        assertEquals(6L * 2 * 8 * (384 + 384), row(minilm.out(), "lora")[0]);
        Result vit = run("params", "--arch", "vit-b16", "--targets", "query,value,intermediate");
        // 12 x (2 x 8 x 1536 + 8 x (768 + 3072)); circulant on 768->3072 is 4 blocks of 768.
        assertEquals(12L * (2 * 8 * 1536 + 8 * (768 + 3072)), row(vit.out(), "lora")[0]);
        assertEquals(12L * (2 * 768 + 4 * 768), row(vit.out(), "circulant")[1]);
    }

    @Test
    void unknownArchitectureIsBadInput() {
        Result r = run("params", "--arch", "gpt-9");
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("bert-base"), r.err());
    }

    @Test
    void listShowsEveryMethodWithItsOptions() {
        Result r = run("list");
        assertEquals(0, r.exitCode());
        for (String name : MethodRegistry.names()) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s").matcher(r.out()).find(), name);
        }
        assertTrue(r.out().contains("rank       (default 8)"), r.out());
    }

    @Test
    void benchTrainStepPrintsOneLineAndRejectsAnUnknownMethod() {
        Result r = run("bench", "train-step", "--method", "circulant", "--layers", "1", "--batch", "2", "--seq", "8",
                "--steps", "2", "--warmup", "1", "--eval-batches", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s)circulant\tbackbone=embedded:all-minilm-l6-v2\tlayers=1\t.*step_s=[0-9.]+\t"
                + "tokens_per_s=[0-9]+\t.*peak_rss_mb=[0-9]+\tthreads=[0-9]+\\s*"), r.out());
        Result json = run("bench", "train-step", "--method", "lora", "--layers", "1", "--batch", "2", "--seq", "8",
                "--steps", "2", "--warmup", "0", "--eval-batches", "0", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"step_s\":[") && json.out().contains("\"method\":\"lora\""), json.out());
        Result bad = run("bench", "train-step", "--method", "nope", "--layers", "1");
        assertEquals(Main.EXIT_BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("unknown method"), bad.err());
    }

    @Test
    void paramsCountsOnlyTheAdaptedLayers() {
        Result r = run("params", "--arch", "minilm-l6", "--adapt-layers", "top-2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("adapting layers 4–5 only"), r.out());
        // One MiniLM layer: 4·384² + 2·384·1536 weights, 4·384 + 1536 + 384 + 2·384 biases, 2·384 LayerNorm scales.
        long layer = 4L * 384 * 384 + 2L * 384 * 1536 + (4 * 384 + 1536 + 384 + 2 * 384) + 2 * 384;
        assertEquals(2 * layer, row(r.out(), "full")[0]);
        assertEquals(2L * 2 * (384 * 8 * 2), row(r.out(), "lora")[0], "2 layers x query,value x (A + B)");
        Result bad = run("params", "--arch", "minilm-l6", "--adapt-layers", "7");
        assertEquals(Main.EXIT_BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("layer 7 does not exist"), bad.err());
    }
}
