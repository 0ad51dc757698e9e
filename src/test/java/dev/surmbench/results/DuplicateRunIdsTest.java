package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule for rows that share a run id, on its own: collapse, supersede, or refuse naming both places. */
class DuplicateRunIdsTest {
    private static final Path A = Path.of("runs.csv");
    private static final Path B = Path.of("runs.shard-1-of-2.csv");

    private static DuplicateRunIds.Row<String> row(String value, String id, Path file, long line, boolean completed,
                                                   String accuracy) {
        return new DuplicateRunIds.Row<>(value, id, file, line, Map.of("run_id", id, "best_value", accuracy), completed);
    }

    @Test
    void identicalRowsAreOneRow() {
        assertEquals(List.of("a", "x"), DuplicateRunIds.resolve(List.of(row("a", "r1", A, 2, true, "0.5"),
                row("x", "r2", A, 3, true, "0.7"), row("b", "r1", B, 2, true, "0.5"))));
    }

    @Test
    void aCompletedRowSupersedesAFailedOneInEitherOrder() {
        assertEquals(List.of("done"), DuplicateRunIds.resolve(List.of(row("failed", "r1", A, 2, false, "NaN"),
                row("done", "r1", B, 2, true, "0.5"))));
        assertEquals(List.of("done"), DuplicateRunIds.resolve(List.of(row("done", "r1", A, 2, true, "0.5"),
                row("failed", "r1", B, 2, false, "NaN"))));
    }

    @Test
    void twoDifferentRowsForOneIdAreAnErrorNamingBothPlacesTheIdAndTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DuplicateRunIds.resolve(List.of(
                row("a", "r1", A, 2, true, "0.5"), row("b", "r1", B, 7, true, "0.99"))));
        assertEquals(B + ":7: run r1 has a different row at " + A + ":2 (differing columns: best_value); the two cannot "
                + "both be right. Fix: delete the wrong row (or both rows and runs/r1/ to train it again)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DuplicateRunIds.resolve(List.of(
                row("a", "r1", A, 2, false, "x"), row("b", "r1", A, 3, false, "y"))), "two different failures too");
    }
}
