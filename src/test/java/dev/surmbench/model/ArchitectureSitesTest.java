package dev.surmbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Block;
import dev.surmbench.model.bert.BertConfig;
import dev.surmbench.model.vit.VitConfig;
import dev.surmbench.peft.BlockPaths;
import dev.surmbench.peft.PeftInjector;
import org.junit.jupiter.api.Test;

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

    private static long headSize(Block block, Architecture arch) {
        return BlockPaths.parameters(block).entrySet().stream()
                .filter(e -> arch.headPrefixes().stream().anyMatch(h -> e.getKey().startsWith(h + ".")))
                .mapToLong(e -> e.getValue().getShape().size()).sum();
    }
}
