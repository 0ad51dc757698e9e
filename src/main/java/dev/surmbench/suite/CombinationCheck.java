package dev.surmbench.suite;

import dev.surmbench.data.TaskDomain;
import dev.surmbench.model.Architecture;
import dev.surmbench.model.LayerSelection;
import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.LinearSite;
import dev.surmbench.peft.MethodConfig;
import dev.surmbench.peft.TargetMatcher;
import dev.surmbench.peft.UpdateMethodConfig;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Finds task × method × backbone combinations that cannot run, before anything trains: a method
 * option the backbone cannot take (a Kronecker rank not dividing the width), a slice deeper than the
 * backbone, a text task on a ViT or an image task on a text encoder, an {@code image_size} other than
 * the backbone's, RGB images on a one-channel backbone, {@code adapt_layers} naming layers the
 * encoder does not have. Geometry comes from the catalog or, for
 * {@code pretrain:} backbones, from the stage; unknown geometry is not checked.
 */
final class CombinationCheck {
    private final SuiteCatalog catalog;
    private final Map<String, PretrainSpec> pretrains;
    private final BiConsumer<YamlNode, String> problem;

    CombinationCheck(SuiteCatalog catalog, Map<String, PretrainSpec> pretrains, BiConsumer<YamlNode, String> problem) {
        this.catalog = catalog;
        this.pretrains = pretrains;
        this.problem = problem;
    }

    void check(String task, YamlNode taskNode, MethodConfig method, YamlNode methodNode, ResolvedSettings settings,
               TaskDomain domain) {
        String backbone = settings.backbone();
        int layers = settings.layers();
        String stage = PretrainSpec.nameOf(backbone);
        String shown = stage != null ? PretrainSpec.BACKBONE_PREFIX + stage : backbone;
        Optional<Architecture> arch = stage != null
                ? Optional.ofNullable(pretrains.get(stage)).map(p -> Architecture.of(backbone, p.vit()))
                : catalog.architecture(backbone);
        if (arch.isPresent() && !geometryFits(task, taskNode, arch.get(), layers, settings, domain, shown)) {
            return;
        }
        LayerSelection adapted = settings.adaptLayers();
        if (arch.isPresent() && !adapted.isAll()) {
            try {
                adapted.resolve(layers > 0 ? layers : arch.get().layers());
            } catch (IllegalArgumentException e) {
                problem.accept(taskNode, e.getMessage() + " (backbone " + shown + (layers > 0 ? ", layers " + layers : "") + ")");
                return;
            }
        }
        Optional<AdaptationSites> sites = arch.isPresent() ? arch.map(a -> a.sites(layers)) : catalog.sites(backbone, layers);
        if (sites.isEmpty() || !(method instanceof UpdateMethodConfig update)) {
            return;
        }
        try {
            for (LinearSite site : TargetMatcher.select(update.method(), update.targets(), sites.get().linears(), LinearSite::path)) {
                update.checkShape(site.inFeatures(), site.outFeatures());
            }
        } catch (IllegalArgumentException e) {
            problem.accept(methodNode, e.getMessage() + " (backbone " + shown + ")");
        }
    }

    private boolean geometryFits(String task, YamlNode at, Architecture a, int layers, ResolvedSettings settings,
                                 TaskDomain domain, String shown) {
        boolean vit = a.family() == Architecture.Family.VIT;
        if (layers > a.layers()) {
            problem.accept(at, "layers " + layers + " exceeds the " + a.layers() + " layers of backbone " + shown);
            return false;
        }
        if (domain == TaskDomain.IMAGE && !vit) {
            problem.accept(at, "image task '" + task + "' needs a ViT backbone; " + shown + " is a text encoder");
            return false;
        }
        if (domain == TaskDomain.GLUE && vit) {
            problem.accept(at, "text task '" + task + "' needs a text encoder; " + shown + " is a ViT");
            return false;
        }
        if (domain == TaskDomain.IMAGE) {
            int imageSize = settings.imageSize();
            if (imageSize != 0 && imageSize != a.imageSize()) {
                problem.accept(at, "image_size " + imageSize + " differs from the " + a.imageSize() + " of backbone " + shown
                        + " (position embeddings are not interpolated); set image_size: " + a.imageSize() + " or 0");
                return false;
            }
            int channels = catalog.imageChannels(task).orElse(a.channels());
            if (channels > a.channels()) {
                problem.accept(at, "task '" + task + "' has " + channels + "-channel images but backbone " + shown
                        + " takes " + a.channels());
                return false;
            }
        }
        return true;
    }
}
