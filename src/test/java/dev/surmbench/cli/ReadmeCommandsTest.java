package dev.surmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Keeps the documentation's command lines honest: every command in a shell code block of README.md
 * and docs/*.md that calls the program ({@code java -jar target/surm-bench.jar …} or {@code
 * surm-bench …}) is parsed by the real picocli command line of {@link Main} (unknown commands and
 * options fail); every {@code mvn} line names profiles and {@code -D} properties that pom.xml
 * defines; every {@code suites/}, {@code baselines/} or {@code report-templates/} path exists. Also:
 * README stays a guide (≤ 250 lines), its suite example is the shipped file, and its links resolve.
 */
class ReadmeCommandsTest {
    static final Path README = Path.of("README.md");
    static final String JAR = "target/surm-bench.jar";
    /** Maven's and its plugins' own user properties, which pom.xml need not mention. */
    static final Set<String> MAVEN_PROPERTIES = Set.of("test", "skipTests", "maven.test.skip", "artifact",
            "surefire.failIfNoSpecifiedTests", "mdep.outputFile", "mdep.includeScope", "groups", "excludedGroups");
    static final Pattern REPO_PATH = Pattern.compile("(?:suites|baselines|report-templates)/[A-Za-z0-9._/-]+");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(README));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandLineParses() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> profiles = profiles(pom);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : documents()) {
            for (MarkdownCommands.Command c : MarkdownCommands.commands(doc)) {
                List<String> words = c.words();
                String program = words.get(0);
                if (program.equals("java") || program.equals("surm-bench")) {
                    tests.add(DynamicTest.dynamicTest(c.where(), () -> checkProgram(c)));
                } else if (program.equals("mvn")) {
                    tests.add(DynamicTest.dynamicTest(c.where(), () -> checkMaven(c, pom, profiles)));
                }
            }
        }
        assertTrue(tests.size() >= 10, "README and docs/ show at least ten commands; found " + tests.size());
        return tests.stream();
    }

    /** The arguments after the jar (or after {@code surm-bench}), parsed by the real command line. */
    static void checkProgram(MarkdownCommands.Command c) {
        List<String> words = c.words();
        List<String> args;
        if (words.get(0).equals("java")) {
            int jar = words.indexOf("-jar");
            if (jar < 0) {
                return; // another main class on a class path (JMH): not the program's command line
            }
            assertEquals(JAR, words.get(jar + 1), c.where() + ": the jar is " + JAR);
            args = words.subList(jar + 2, words.size());
        } else {
            args = words.subList(1, words.size());
        }
        List<String> cleaned = synopsis(args);
        checkPaths(c, cleaned);
        try {
            CommandLine.ParseResult parsed = Main.commandLine().parseArgs(cleaned.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand() || parsed.isVersionHelpRequested() || parsed.isUsageHelpRequested(),
                    c.where() + ": names no command");
        } catch (CommandLine.ParameterException e) {
            fail(c.where() + "\n  → " + e.getMessage());
        }
    }

    /** A synopsis made parseable: optional brackets dropped, "…" repetitions removed. */
    static List<String> synopsis(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            String w = a.replace("[", "").replace("]", "").replace("…", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    static void checkMaven(MarkdownCommands.Command c, String pom, Set<String> known) {
        List<String> words = c.words();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-P")) {
                String list = w.length() > 2 ? w.substring(2) : words.get(++i);
                for (String p : list.split(",")) {
                    String id = p.replaceFirst("^[!-]", "");
                    assertTrue(known.contains(id), c.where() + ": profile '" + id + "' is not in pom.xml " + known);
                }
            } else if (w.startsWith("-D")) {
                String name = w.substring(2).split("=", 2)[0];
                assertTrue(MAVEN_PROPERTIES.contains(name) || pom.contains("${" + name + "}") || pom.contains("<" + name + ">"),
                        c.where() + ": property '" + name + "' is neither used in pom.xml nor a Maven property");
            }
        }
        checkPaths(c, words);
    }

    static void checkPaths(MarkdownCommands.Command c, List<String> words) {
        for (String w : words) {
            Matcher m = REPO_PATH.matcher(w);
            while (m.find()) {
                assertTrue(Files.exists(Path.of(m.group())), c.where() + ": " + m.group() + " does not exist");
            }
        }
    }

    /** The ids of pom.xml's profiles. */
    static Set<String> profiles(String pom) {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("<profile>\\s*(?:<!--.*?-->\\s*)*<id>([^<]+)</id>", Pattern.DOTALL).matcher(pom);
        while (m.find()) {
            ids.add(m.group(1).strip());
        }
        return ids;
    }

    @Test
    void profilesAreRead() throws IOException {
        assertTrue(profiles(Files.readString(Path.of("pom.xml"))).containsAll(List.of("glue", "smoke", "nightly", "cuda")));
    }

    @Test
    void aMistakeWouldBeCaught() {
        MarkdownCommands.Command bad = new MarkdownCommands.Command(README, 1, "bench train-step --devise cpu",
                MarkdownCommands.split("surm-bench bench train-step --method lora --devise cpu").get(0));
        assertThrowsFailure(() -> checkProgram(bad));
        MarkdownCommands.Command missing = new MarkdownCommands.Command(README, 1, "run",
                MarkdownCommands.split("java -jar target/surm-bench.jar run suites/no-such.yaml").get(0));
        assertThrowsFailure(() -> checkProgram(missing));
        MarkdownCommands.Command profile = new MarkdownCommands.Command(README, 1, "mvn", List.of("mvn", "verify", "-Pglu"));
        assertThrowsFailure(() -> checkMaven(profile, "", Set.of("glue")));
    }

    private static void assertThrowsFailure(Runnable r) {
        try {
            r.run();
        } catch (AssertionError expected) {
            return;
        }
        fail("the check accepted a wrong command");
    }

    @Test
    void shellLinesSplitLikeAShell() {
        assertEquals(List.of(List.of("mvn", "-B", "verify", "-Pglue"), List.of("echo", "a b")),
                MarkdownCommands.split("GLUE_DIR=/x SURM=1 mvn -B verify -Pglue && echo 'a b'   # comment"));
    }

    @Test
    void readmeIsAGuide() throws IOException {
        long lines = Files.readAllLines(README).size();
        assertTrue(lines <= 250, "README.md has " + lines + " lines; move reference material to docs/");
        String text = Files.readString(README);
        for (String section : List.of("## Prerequisites", "## Quick start", "## The two commands", "## One method on one task",
                "## Reading the results", "## Main job")) {
            assertTrue(text.contains(section), "README has a section starting '" + section + "'");
        }
    }

    /** README's suite example is suites/one-method.yaml as shipped (comments aside), so it validates. */
    @Test
    void readmeSuiteExampleIsTheShippedFile() throws IOException {
        List<MarkdownCommands.Block> yaml = MarkdownCommands.blocks(README).stream()
                .filter(b -> b.language().equals("yaml")).toList();
        assertFalse(yaml.isEmpty(), "README shows a suite");
        for (MarkdownCommands.Block b : yaml) {
            String name = b.lines().stream().filter(l -> l.startsWith("name:")).findFirst().orElseThrow()
                    .substring(5).strip();
            Path file = Path.of("suites", name + ".yaml");
            assertTrue(Files.isRegularFile(file), "README's suite '" + name + "' is shipped as " + file);
            assertEquals(withoutComments(Files.readAllLines(file)), withoutComments(b.lines()),
                    "README's suite example and " + file + " agree");
        }
    }

    private static List<String> withoutComments(List<String> lines) {
        return lines.stream().map(l -> l.replaceFirst("\\s+#.*$", "").replaceFirst("^#.*$", "").stripTrailing())
                .filter(l -> !l.isEmpty()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyLinkResolves() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                Path resolved = doc.resolveSibling(target).normalize();
                tests.add(DynamicTest.dynamicTest(doc + " → " + target,
                        () -> assertTrue(Files.exists(resolved), doc + " links to " + resolved + ", which does not exist")));
            }
        }
        return tests.stream();
    }
}
