package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Block;
import java.util.List;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.peft.AdaptationSites;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.peft.PeftInjector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analytic {@link Architecture} presets against the block trees the encoders really build
 * (no weights needed: shapes are fixed at construction).
 */
class ArchitectureSitesTest {

    @Test
    void bertBaseTreeMatchesPreset() {
        Architecture arch = Architecture.named("bert-base");
        Block block = Backbones.newBlock(BertConfig.BERT_BASE_UNCASED, 2);
        assertEquals(arch.sites(), PeftInjector.sites(block, arch.headPrefixes()));
        assertEquals(arch.headParameters(2), headSize(block, arch));
    }

    @Test
    void vitB16TreeMatchesPreset() {
        Architecture arch = Architecture.named("vit-b16");
        Block block = Backbones.newBlock(VitConfig.VIT_B16, 1000);
        assertEquals(arch.sites(), PeftInjector.sites(block, arch.headPrefixes()));
        assertEquals(arch.headParameters(1000), headSize(block, arch));
        // 86.4M backbone parameters (google/vit-base-patch16-224 without its head)
        assertEquals(85_798_656L, arch.sites().baseParameters());
    }

    @ParameterizedTest
    @ValueSource(strings = {"top-2", "4,5", "0", "1,3,5", "all"})
    void aLayerSelectionKeepsTheSitesAndWeightsOfItsLayersInTheTreeAndTheFormula(String layers) {
        Architecture arch = Architecture.named("minilm-l6");
        Block block = Backbones.newBlock(BertConfig.ALL_MINILM_L6_V2, 2);
        LayerSelection selection = LayerSelection.parse(layers);
        List<String> scope = selection.modulePrefixes(arch.prefix(), arch.layers());
        AdaptationSites analytic = arch.sites(0, selection);
        assertEquals(analytic, PeftInjector.sites(block, arch.headPrefixes(), scope));
        int count = selection.resolve(6).size();
        assertEquals(count * 6, analytic.linears().size(), "six projections per selected layer");
        assertEquals(count * 2, analytic.adapterSlots().size());
    }

    private static long headSize(Block block, Architecture arch) {
        return BlockPaths.parameters(block).entrySet().stream()
                .filter(e -> arch.headPrefixes().stream().anyMatch(h -> e.getKey().startsWith(h + ".")))
                .mapToLong(e -> e.getValue().getShape().size()).sum();
    }
}
