package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.data.glue.GlueTask;
import dev.surmbench.data.image.ImageSource;
import dev.surmbench.data.image.ImageSplit;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.source.HfCheckpointSource;
import dev.surmbench.peft.AdaptationSites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The real catalog: GLUE task names from {@link GlueTask} and image datasets from {@link
 * ImageSource}, backbone specs from {@link BackboneSource}, geometry of known backbones from {@link
 * Architecture} (and of a local {@code hf:<dir>} from its {@code config.json}), sliced to the first
 * {@code layers} layers when a suite asks for a slice.
 */
public final class DefaultCatalog implements SuiteCatalog {

    @Override
    public List<String> taskNames() {
        List<String> names = new ArrayList<>(Arrays.stream(GlueTask.values()).map(GlueTask::userName).toList());
        Arrays.stream(ImageSource.values()).map(ImageSource::userName).forEach(names::add);
        return names;
    }

    @Override
    public String canonicalTask(String name) {
        try {
            return GlueTask.fromName(name).userName();
        } catch (IllegalArgumentException notGlue) {
            try {
                return ImageSource.fromName(name).userName();
            } catch (IllegalArgumentException notImage) {
                throw new IllegalArgumentException("unknown task '" + name + "'; known: " + String.join(", ", taskNames()));
            }
        }
    }

    @Override
    public TaskDomain taskDomain(String task) {
        return image(task).isPresent() ? TaskDomain.IMAGE : TaskDomain.GLUE;
    }

    @Override
    public Optional<Integer> imageChannels(String task) {
        return image(task).map(ImageSource::channels);
    }

    @Override
    public boolean hasTestSplit(String task) {
        return image(task).map(s -> s.splits().contains(ImageSplit.TEST)).orElse(true);
    }

    private static Optional<ImageSource> image(String task) {
        return Arrays.stream(ImageSource.values()).filter(s -> s.userName().equals(task)).findFirst();
    }

    @Override
    public void checkBackbone(String source) {
        BackboneSource.parse(source);
    }

    @Override
    public Optional<Architecture> architecture(String source) {
        String known = switch (source) {
            case "embedded:all-minilm-l6-v2" -> "minilm-l6";
            case "maven:bert-base-uncased", "hf:bert-base-uncased" -> "bert-base";
            case "hf:google/vit-base-patch16-224-in21k", "hf:google/vit-base-patch16-224" -> "vit-b16";
            default -> null;
        };
        if (known != null) {
            return Optional.of(Architecture.named(known));
        }
        try {
            if (BackboneSource.parse(source) instanceof HfCheckpointSource local) {
                return Optional.of(Architecture.of(source, local.config()));
            }
        } catch (RuntimeException unreadable) {
            // checkBackbone reports a bad spec; an unreadable config.json surfaces when the run loads it
        }
        return Optional.empty();
    }

    @Override
    public Optional<AdaptationSites> sites(String source, int layers) {
        return architecture(source).map(a -> a.sites(layers));
    }
}
