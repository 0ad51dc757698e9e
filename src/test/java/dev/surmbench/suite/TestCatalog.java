package dev.surmbench.suite;

import dev.surmbench.model.Architecture;
import dev.surmbench.peft.AdaptationSites;
import java.util.List;
import java.util.Optional;

/** A catalog with five GLUE task names and the embedded MiniLM, for parser tests. */
final class TestCatalog implements SuiteCatalog {
    @Override
    public List<String> taskNames() {
        return List.of("cola", "mrpc", "rte", "sst2", "stsb");
    }

    @Override
    public String canonicalTask(String name) {
        if (!taskNames().contains(name)) {
            throw new IllegalArgumentException("unknown task '" + name + "'; known: " + String.join(", ", taskNames()));
        }
        return name;
    }

    @Override
    public void checkBackbone(String source) {
        if (!source.equals("embedded:all-minilm-l6-v2")) {
            throw new IllegalArgumentException("unknown backbone '" + source + "'; known: embedded:all-minilm-l6-v2");
        }
    }

    @Override
    public Optional<AdaptationSites> sites(String source, int layers) {
        return Optional.of(Architecture.named("minilm-l6").sites());
    }

    @Override
    public Optional<Architecture> architecture(String source) {
        return Optional.of(Architecture.named("minilm-l6"));
    }
}
