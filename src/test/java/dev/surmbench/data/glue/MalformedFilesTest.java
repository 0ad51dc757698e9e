package dev.surmbench.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed row is an error naming file, line and columns — never a skipped row. */
class MalformedFilesTest {

    @TempDir
    Path dir;

    @Test
    void tooFewColumns() throws IOException {
        Path file = write("CoLA/train.tsv", "gj04\t1\t\tFine sentence.\ngj04\t1\tMissing a column.\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> GlueReader.readFile(GlueTask.COLA, file));
        assertEquals(file, e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: found 3 tab-separated columns, expected 4"), e.getMessage());
    }

    @Test
    void blankLineInTheMiddleIsNotSkipped() throws IOException {
        Path file = write("SST-2/dev.tsv", "sentence\tlabel\ngood .\t1\n\nbad .\t0\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> GlueReader.readFile(GlueTask.SST2, file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("found 1 tab-separated columns, expected 2"), e.getMessage());
    }

    @Test
    void unknownLabel() throws IOException {
        Path file = write("SST-2/train.tsv", "sentence\tlabel\ngood .\t1\nworse .\t2\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> GlueReader.readFile(GlueTask.SST2, file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("label '2' is not one of [0, 1] (row has 2 columns)"), e.getMessage());
    }

    @Test
    void nonNumericAndOutOfRangeScores() throws IOException {
        String header = "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n";
        String row = "0\tmain-captions\tMSRvid\t2012test\t0001\tnone\tnone\tA plane.\tAn air plane.\t";
        Path text = write("STS-B/train.tsv", header + row + "4.2\n" + row + "high\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> GlueReader.readFile(GlueTask.STSB, text));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("score 'high' is not a number in [0.0, 5.0] (row has 10 columns)"),
                e.getMessage());
        Path range = write("STS-B/dev.tsv", header + row + "5.5\n");
        e = assertThrows(DataFormatException.class, () -> GlueReader.readFile(GlueTask.STSB, range));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("score '5.5'"), e.getMessage());
    }

    @Test
    void headerWithoutTheTargetColumn() throws IOException {
        Path file = write("RTE/train.tsv", "index\tsentence1\tsentence2\tgold\n0\ta\tb\tentailment\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> GlueReader.readFile(GlueTask.RTE, file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("the header has no column 'label'; found [index, sentence1, sentence2, gold]"),
                e.getMessage());
    }

    @Test
    void invalidUtf8() throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.write(file, new byte[] {'s', 'e', 'n', 't', 'e', 'n', 'c', 'e', '\t', 'l', 'a', 'b', 'e', 'l', '\n',
            (byte) 0xC3, (byte) 0x28, '\t', '1', '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> GlueReader.readFile(GlueTask.SST2, file));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void missingFileNamesTheSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlueReader.read(GlueTask.QQP, GlueSplit.TRAIN, dir));
        assertTrue(e.getMessage().contains("GLUE_DIR"), e.getMessage());
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
