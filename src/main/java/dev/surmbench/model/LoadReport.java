package dev.surmbench.model;

import java.util.List;

/**
 * What a model build did with each parameter.
 *
 * @param file the weight file ("" for a randomly initialised model)
 * @param loaded model parameter paths copied from the file
 * @param seeded model parameter paths initialised from the seed (task head; a pooler the file lacks)
 * @param ignored file tensors deliberately not used (pretraining heads such as {@code cls.*},
 *     a checkpoint's own {@code classifier.*})
 */
public record LoadReport(String file, List<String> loaded, List<String> seeded, List<String> ignored) {
    public LoadReport {
        loaded = List.copyOf(loaded);
        seeded = List.copyOf(seeded);
        ignored = List.copyOf(ignored);
    }
}
