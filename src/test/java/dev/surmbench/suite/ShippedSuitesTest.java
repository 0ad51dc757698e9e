package dev.surmbench.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every suite shipped in suites/ validates against the real catalog. */
class ShippedSuitesTest {

    static List<Path> suites() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("suites"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void validates(Path file) {
        Suite suite = SuiteParser.parse(file, new DefaultCatalog());
        assertFalse(suite.runs().isEmpty());
        assertTrue(suite.runs().stream().map(RunSpec::runId).distinct().count() == suite.runs().size());
    }
}
