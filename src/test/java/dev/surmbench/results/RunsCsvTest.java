package dev.surmbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.csv round trip, including the trivial floor column and files written before it existed. */
class RunsCsvTest {
    @TempDir
    Path tmp;

    private static RunRecord record(String id, Map<String, Double> trivial) {
        return new RunRecord(id, "s", "rte", "lora", "lora", "{}", 1, "embedded:all-minilm-l6-v2", RunStatus.COMPLETED,
                "", "accuracy", 0.55, 0.54, 1, Map.of("accuracy", 0.55), Map.of("accuracy", 0.54), trivial,
                73_728, 73_728, 770, 22_000_000, 2, 64, 10.5, 400.0, 90.0, 30.0, 512, 900, DeviceUsage.cpu("Test CPU"), 2,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:30Z", "abc1234");
    }

    @Test
    void trivialMetricsRoundTrip() throws Exception {
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(record("a", Map.of("accuracy", 0.5273)), record("b", Map.of())));
        List<RunRecord> back = RunsCsv.read(file);
        assertEquals(Map.of("accuracy", 0.5273), back.get(0).metricsTrivial());
        assertEquals(Map.of(), back.get(1).metricsTrivial());
        assertEquals(record("a", Map.of("accuracy", 0.5273)), back.get(0));
    }

    @Test
    void filesWrittenBeforeTheFloorColumnStillRead() throws Exception {
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(record("a", Map.of("accuracy", 0.5))));
        // drop the metrics_trivial column as an older version wrote the file
        int col = RunRecord.COLUMNS.indexOf("metrics_trivial");
        List<String> lines = Files.readAllLines(file).stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
            cells.remove(col);
            return String.join(",", cells);
        }).toList();
        Files.write(file, lines);
        assertTrue(lines.get(0).contains("metrics_last,trainable_stored"), lines.get(0));
        RunRecord back = RunsCsv.read(file).get(0);
        assertEquals(Map.of(), back.metricsTrivial());
        assertEquals(0.55, back.bestValue());
    }

    /** The header and a row exactly as runs.csv was written before the device setting (commit a218e48). */
    private static final String BEFORE_DEVICE_COLUMNS = """
            run_id,suite,task,method,label,method_options,seed,backbone,status,status_detail,headline_metric,\
            best_value,last_value,best_epoch,metrics_best,metrics_last,metrics_trivial,trainable_stored,\
            trainable_effective,head_parameters,total_parameters,epochs,steps,train_examples_per_s,\
            train_tokens_per_s,eval_examples_per_s,wall_seconds,peak_heap_mb,peak_native_mb,device,threads,\
            started_at,finished_at,git_commit
            a,s,rte,lora,lora,{},1,embedded:all-minilm-l6-v2,completed,,accuracy,0.55,0.54,1,"{""accuracy"":0.55}",\
            "{""accuracy"":0.54}","{""accuracy"":0.5}",73728,73728,770,22000000,2,64,10.5,400.0,90.0,30.0,512.0,900.0,\
            AMD EPYC 7B13 (CPU),2,2026-01-01T00:00:00Z,2026-01-01T00:00:30Z,abc1234
            b,s,rte,lora,lora,{},2,embedded:all-minilm-l6-v2,completed,,accuracy,0.55,0.54,1,"{""accuracy"":0.55}",\
            "{""accuracy"":0.54}","{""accuracy"":0.5}",73728,73728,770,22000000,2,64,10.5,400.0,90.0,30.0,512.0,900.0,\
            Intel(R) Xeon(R) CPU @ 2.20GHz + 1 GPU(s),2,2026-01-01T00:00:00Z,2026-01-01T00:00:30Z,abc1234
            """;

    @Test
    void filesWrittenBeforeTheDeviceColumnsReadAsCpuRunsOnTheirCpu() throws Exception {
        Path file = tmp.resolve("runs.csv");
        Files.writeString(file, BEFORE_DEVICE_COLUMNS);
        List<RunRecord> back = RunsCsv.read(file);
        // every run then trained on the CPU; the old column named the CPU and an unused GPU count
        assertEquals(DeviceUsage.cpu("AMD EPYC 7B13"), back.get(0).device());
        assertEquals(DeviceUsage.cpu("Intel(R) Xeon(R) CPU @ 2.20GHz"), back.get(1).device());
        assertEquals("cpu", back.get(1).device().deviceClass());
        assertEquals(Map.of("accuracy", 0.5), back.get(0).metricsTrivial());
        RunsCsv.upsert(file, record("c", Map.of()));
        assertEquals(RunRecord.COLUMNS, List.of(Files.readAllLines(file).get(0).split(",")), "rewritten whole, new header");
        assertEquals(DeviceUsage.cpu("AMD EPYC 7B13"), RunsCsv.read(file).get(0).device());
    }

    @Test
    void aValidationSelectedRunKeepsBothProtocolsAndOldFilesReadAsDevSelected() throws Exception {
        RunRecord plain = record("v", Map.of());
        RunProtocol protocol = new RunProtocol(RunProtocol.Selection.VALIDATION, 3e-3, 0.61, Map.of("accuracy", 0.61),
                0.58, 0, Map.of("accuracy", 0.58));
        RunRecord validated = new RunRecord(plain.runId(), plain.suite(), plain.task(), plain.method(), plain.label(),
                plain.methodOptions(), plain.seed(), plain.backbone(), plain.status(), plain.statusDetail(),
                plain.headlineMetric(), plain.bestValue(), plain.lastValue(), plain.bestEpoch(), plain.metricsBest(),
                plain.metricsLast(), plain.metricsTrivial(), plain.trainableStored(), plain.trainableEffective(),
                plain.headParameters(), plain.totalParameters(), plain.epochs(), plain.steps(),
                plain.trainExamplesPerSecond(), plain.trainTokensPerSecond(), plain.evalExamplesPerSecond(),
                plain.wallSeconds(), plain.peakHeapMb(), plain.peakNativeMb(), plain.device(), plain.threads(),
                plain.startedAt(), plain.finishedAt(), plain.gitCommit(), protocol);
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(validated));
        assertEquals(validated, RunsCsv.read(file).get(0));
        assertTrue(Files.readString(file).contains(",0.003,validation,0.61,"), Files.readString(file));

        Files.writeString(file, BEFORE_DEVICE_COLUMNS);
        RunProtocol old = RunsCsv.read(file).get(0).protocol();
        assertEquals(RunProtocol.Selection.DEV, old.selection());
        assertTrue(Double.isNaN(old.learningRate()) && Double.isNaN(old.validationValue()));
        assertEquals(0.55, old.devBestValue());
        assertEquals(1, old.devBestEpoch());
        assertEquals(Map.of("accuracy", 0.55), old.metricsDevBest());
    }

    @Test
    void aGpuRunRoundTripsWithItsGpuFacts() throws Exception {
        DeviceUsage h100 = new DeviceUsage("cuda:1", "NVIDIA H100 80GB HBM3", "550.54.15", "12.8", 81_559.0, 12_345.5);
        RunRecord gpu = new RunRecord("g", "s", "rte", "lora", "lora", "{}", 1, "embedded:all-minilm-l6-v2",
                RunStatus.COMPLETED, "", "accuracy", 0.55, 0.54, 1, Map.of("accuracy", 0.55), Map.of("accuracy", 0.54),
                Map.of(), 73_728, 73_728, 770, 22_000_000, 2, 64, 1000.5, 40000.0, 9000.0, 3.0, 512, 2900, h100, 2,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:03Z", "abc1234");
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(gpu, record("c", Map.of())));
        List<RunRecord> back = RunsCsv.read(file);
        assertEquals(gpu, back.get(0));
        assertEquals("cuda", back.get(0).device().deviceClass());
        assertEquals("cuda:1 (NVIDIA H100 80GB HBM3), peak 12346 of 81559 MiB", back.get(0).device().display());
        assertEquals(DeviceUsage.cpu("Test CPU"), back.get(1).device());
    }

    @Test
    void anUnknownDeviceIsNamedWithFileLineAndField() throws Exception {
        Path file = tmp.resolve("runs.csv");
        RunsCsv.write(file, List.of(record("a", Map.of())));
        Files.writeString(file, Files.readString(file).replace(",cpu,Test CPU,", ",tpu,Test CPU,"));
        ResultsFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ResultsFormatException.class,
                () -> RunsCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: field 'device': 'tpu' is not a device class"), e.getMessage());
    }
}
