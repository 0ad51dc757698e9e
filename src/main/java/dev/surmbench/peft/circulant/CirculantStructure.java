package dev.surmbench.peft.circulant;

import dev.surmbench.peft.MethodDefinition;
import dev.surmbench.peft.MethodOptions;
import dev.surmbench.peft.OptionSpec;
import dev.surmbench.peft.ParameterCount;
import dev.surmbench.peft.core.BlockGrid;
import dev.surmbench.peft.core.StructureSpec;
import dev.surmbench.peft.core.StructuredOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (Block-)circulant ΔW = circ(c), c = a⊙b (authors' "use_prod", b = 0 at init) or a single
 * zero-initialised c. Per projection: (d_in·d_out/p) effective scalars, twice that stored with the
 * product; p = block size (d for a square projection).
 */
public record CirculantStructure(boolean product, double initStd, int block) implements StructureSpec {

    private static final OptionSpec<Boolean> PRODUCT = OptionSpec.flag("product", true,
            "c = a*b with b = 0 at init (2 vectors stored, 1 effective); false: one zero-initialised c");
    private static final OptionSpec<Integer> BLOCK = OptionSpec.integer("block", 0,
            "block size p for non-square projections; 0 = gcd(d_in, d_out)");
    private static final OptionSpec<Double> UPDATE_INIT_STD = OptionSpec.number("init_std", 1.0,
            "std of a's normal init (authors' LoRA form: 1)");
    private static final OptionSpec<Double> ADAPTER_INIT_STD = OptionSpec.number("init_std", 0.02,
            "std of a's normal init (authors' adapter form: 0.02)");

    /** The update form: ΔW of this structure added to a frozen weight (where LoRA adds B·A). */
    public static final MethodDefinition UPDATE = MethodDefinition.update("circulant",
            "SURM circulant: dW = alpha circ(a*b), applied by real FFT in O(d log d)", "s = alpha",
            List.of(PRODUCT, UPDATE_INIT_STD, BLOCK), options -> parse(options, UPDATE_INIT_STD));

    /** The adapter form: a residual block of this structure at the Houlsby positions. */
    public static final MethodDefinition ADAPTER = MethodDefinition.adapter("circulant-adapter",
            "SURM circulant adapter: h + GELU(circ(a*b) h) + bias at the Houlsby positions",
            List.of(PRODUCT, ADAPTER_INIT_STD), options -> parse(options, ADAPTER_INIT_STD));

    private static CirculantStructure parse(MethodOptions options, OptionSpec<Double> initStd) {
        return new CirculantStructure(options.get(PRODUCT), options.get(initStd), options.get(BLOCK));
    }

    public CirculantStructure {
        MethodOptions.requireRange("circulant", "init_std", initStd, 1e-6, 100);
        MethodOptions.requireRange("circulant", "block", block, 0, 1 << 20);
    }

    @Override
    public void checkShape(String method, int inFeatures, int outFeatures) {
        BlockGrid.of(method, block, inFeatures, outFeatures);
    }

    @Override
    public ParameterCount count(int inFeatures, int outFeatures) {
        BlockGrid grid = BlockGrid.of("circulant", block, inFeatures, outFeatures);
        long effective = grid.blocks() * grid.blockSize();
        return new ParameterCount(product ? 2 * effective : effective, effective);
    }

    @Override
    public StructuredOperator create(int inFeatures, int outFeatures, long seed) {
        return new CirculantOperator(BlockGrid.of("circulant", block, inFeatures, outFeatures), product, initStd, seed);
    }

    @Override
    public Map<String, Object> options() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("product", product);
        out.put("init_std", initStd);
        out.put("block", block);
        return out;
    }
}
