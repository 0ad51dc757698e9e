package dev.surmbench.data.glue;

import dev.surmbench.data.DataFormatException;
import dev.surmbench.data.Example;
import dev.surmbench.data.TsvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the labelled TSV files of a GLUE task into {@link Example}s, in file order. Every row
 * becomes an example or a {@link DataFormatException}: wrong column count, unknown label, or a
 * score that is not a number in [0, 5].
 */
public final class GlueReader {

    private GlueReader() {}

    /** Reads {@code split} of {@code task} from the GLUE directory {@code glueDir}. */
    public static List<Example> read(GlueTask task, GlueSplit split, Path glueDir) {
        Path file = glueDir.resolve(task.folder()).resolve(task.fileName(split));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing GLUE file " + file + " (task " + task.userName()
                    + "); set GLUE_DIR or -Dglue.dir to a folder laid out by the GLUE download script");
        }
        return readFile(task, file);
    }

    /** Reads one file of {@code task}'s format (train or dev; their columns are found by name). */
    public static List<Example> readFile(GlueTask task, Path file) {
        GlueColumns columns = task.columns();
        TsvFile.Table table = columns.read(file);
        int a = columns.index(table, columns.textA());
        int b = task.isPair() ? columns.index(table, columns.textB()) : -1;
        int target = columns.index(table, columns.target());
        List<Example> examples = new ArrayList<>(table.rows().size());
        for (TsvFile.Row row : table.rows()) {
            String textA = row.cell(a);
            String textB = b < 0 ? null : row.cell(b);
            String value = row.cell(target);
            examples.add(task.isRegression()
                    ? Example.scored(textA, textB, parseScore(file, row, value), row.line())
                    : Example.classified(textA, textB, parseLabel(task, file, row, value), row.line()));
        }
        return List.copyOf(examples);
    }

    private static int parseLabel(GlueTask task, Path file, TsvFile.Row row, String value) {
        int id = task.labelNames().indexOf(value);
        if (id < 0) {
            throw new DataFormatException(file, row.line(), "label '" + value + "' is not one of "
                    + task.labelNames() + " (row has " + row.cells().size() + " columns)",
                    "is this a " + task.folder() + " file? labels are matched exactly");
        }
        return id;
    }

    private static double parseScore(Path file, TsvFile.Row row, String value) {
        double score;
        try {
            score = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            score = Double.NaN;
        }
        if (!(score >= GlueTask.MIN_SCORE && score <= GlueTask.MAX_SCORE)) {
            throw new DataFormatException(file, row.line(), "score '" + value + "' is not a number in ["
                    + GlueTask.MIN_SCORE + ", " + GlueTask.MAX_SCORE + "] (row has " + row.cells().size()
                    + " columns)", "the last column of STS-B holds the similarity score");
        }
        return score;
    }
}
