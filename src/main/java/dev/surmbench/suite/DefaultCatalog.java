package dev.surmbench.suite;

import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.AdapterSite;
import dev.surmbench.peft.LinearSite;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The real catalog: GLUE task names from {@link GlueTask}, backbone specs from {@link
 * BackboneSource}, geometry of known backbones from {@link Architecture} (sliced to the first
 * {@code layers} layers when a suite asks for a slice).
 */
public final class DefaultCatalog implements SuiteCatalog {

    @Override
    public List<String> taskNames() {
        return Arrays.stream(GlueTask.values()).map(GlueTask::userName).toList();
    }

    @Override
    public String canonicalTask(String name) {
        return GlueTask.fromName(name).userName();
    }

    @Override
    public void checkBackbone(String source) {
        BackboneSource.parse(source);
    }

    @Override
    public Optional<AdaptationSites> sites(String source, int layers) {
        String architecture = switch (source) {
            case "embedded:all-minilm-l6-v2" -> "minilm-l6";
            case "maven:bert-base-uncased", "hf:bert-base-uncased" -> "bert-base";
            case "hf:google/vit-base-patch16-224-in21k" -> "vit-b16";
            default -> null;
        };
        if (architecture == null) {
            return Optional.empty();
        }
        AdaptationSites all = Architecture.named(architecture).sites();
        if (layers <= 0) {
            return Optional.of(all);
        }
        List<LinearSite> linears = all.linears().stream().filter(s -> layerOf(s.path()) < layers).toList();
        List<AdapterSite> slots = all.adapterSlots().stream().filter(s -> layerOf(s.path()) < layers).toList();
        return Optional.of(new AdaptationSites(linears, slots, all.baseParameters(), all.baseBiasParameters()));
    }

    private static int layerOf(String path) {
        String rest = path.substring(path.indexOf(".layer.") + ".layer.".length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('.')));
    }
}
