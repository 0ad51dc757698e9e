package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.results.RunRecord;
import dev.surmbench.results.RunStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** runs.csv as a typed Tablesaw table: names, types, one column per metric, file order. */
class RunsTableTest {

    @Test
    void loadsRunsCsvWithTypedColumnsAndOneColumnPerMetric(@TempDir Path root) throws Exception {
        RunFixtures f = new RunFixtures("s").trivial("rte", 0.527).ok("rte", "lora", 1, 0.55, 24_576, 10)
                .add("cola", "adapter", "adapter", 2, RunStatus.FAILED, "OutOfMemoryError", 0.0, 198_400, 5);
        Table t = RunsTable.load(f.write(root).resolve("runs.csv"));
        assertEquals(2, t.rowCount());
        assertEquals(List.of("s-rte-lora-s1", "s-cola-adapter-s2"), t.stringColumn("run_id").asList(), "file order");
        assertEquals(ColumnType.STRING, t.column("task").type());
        assertEquals(ColumnType.LONG, t.column("seed").type());
        assertEquals(ColumnType.LONG, t.column("trainable_stored").type());
        assertEquals(ColumnType.DOUBLE, t.column("best_value").type());
        assertEquals(ColumnType.DOUBLE, t.column("wall_seconds").type());
        assertEquals("failed", t.stringColumn("status").get(1));
        assertEquals(198_400L, t.longColumn("trainable_stored").getLong(1));
        assertEquals(0.55, t.doubleColumn("best.accuracy").getDouble(0), "recorded values, not points");
        assertTrue(Double.isNaN(t.doubleColumn("best.accuracy").getDouble(1)), "cola records mcc, not accuracy");
        assertEquals(0.0, t.doubleColumn("best.mcc").getDouble(1));
        assertEquals(0.25, t.doubleColumn("best.loss").getDouble(0));
        assertEquals(0.549, t.doubleColumn("last.accuracy").getDouble(0), 1e-12);
        assertEquals(0.527, t.doubleColumn("trivial.accuracy").getDouble(0));
        assertTrue(t.doubleColumn("trivial.accuracy").isMissing(1), "a run without a trivial predictor");
        assertEquals("cpu", t.stringColumn("device").get(0));
        assertTrue(t.columnNames().indexOf("best_epoch") < t.columnNames().indexOf("best.accuracy")
                && t.columnNames().indexOf("trivial.mcc") < t.columnNames().indexOf("trainable_stored"),
                "metric columns stand where runs.csv has its maps");
    }

    @Test
    void holdsEveryRunsCsvColumnInOrderWithEachMetricsMapSpreadInPlace(@TempDir Path root) throws Exception {
        RunFixtures f = new RunFixtures("s").trivial("rte", 0.527).ok("rte", "lora", 1, 0.55, 24_576, 10);
        Table t = RunsTable.load(f.write(root).resolve("runs.csv"));
        List<String> asInRunsCsv = t.columnNames().stream()
                .map(c -> c.startsWith(RunsTable.BEST) ? "metrics_best" : c.startsWith(RunsTable.LAST) ? "metrics_last"
                        : c.startsWith(RunsTable.TRIVIAL) ? "metrics_trivial" : c.startsWith("dev_best.") ? "metrics_dev_best"
                        : c)
                .distinct().toList();
        // a run without a validation split has no validation metrics: that map spreads into no column
        assertEquals(RunRecord.COLUMNS.stream().filter(c -> !c.equals("metrics_validation")).toList(), asInRunsCsv);
    }

    @Test
    void aMissingFileIsAnEmptyTable(@TempDir Path root) {
        Table t = RunsTable.load(root.resolve("runs.csv"));
        assertEquals(0, t.rowCount());
        assertEquals("run_id", t.columnNames().get(0));
    }
}
