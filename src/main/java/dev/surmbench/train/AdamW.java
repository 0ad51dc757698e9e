package dev.surmbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) as in PyTorch/Hugging Face: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * w ← w − lr·(m̂/(√v̂ + ε)) − lr·λ·w with bias-corrected m̂, v̂. Decay is decoupled from the gradient
 * and skipped for biases and LayerNorm weights (the Hugging Face convention).
 */
public final class AdamW implements AutoCloseable {
    private final TrainingConfig config;
    private final NDManager stateManager;
    private final Map<String, Parameter> parameters;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long step;

    /**
     * Optimises the parameters (by path) that require a gradient; moment estimates live in
     * {@code stateManager}. Callers run {@link #step} inside a scope that temporarily holds the
     * parameter arrays, so the step's temporaries are freed with that scope.
     */
    public AdamW(TrainingConfig config, Map<String, Parameter> parametersByPath, NDManager stateManager) {
        this.config = config;
        this.stateManager = stateManager;
        this.parameters = new LinkedHashMap<>();
        parametersByPath.forEach((path, p) -> {
            if (p.requiresGradient()) {
                parameters.put(path, p);
            }
        });
    }

    /** True for parameters that get no weight decay. */
    public static boolean exemptFromDecay(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith("bias") || lower.endsWith(".beta") || lower.endsWith(".gamma")
                || lower.contains("layernorm.") || lower.contains("layer_norm") || lower.contains("layernorm_");
    }

    /** The trainable parameters' current gradients, in path order (absent gradients skipped). */
    public List<NDArray> gradients() {
        List<NDArray> out = new ArrayList<>();
        for (Parameter p : parameters.values()) {
            NDArray g = p.getArray().getGradient();
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    /** Global L2 norm of all gradients. */
    public double gradientNorm() {
        double sum = 0;
        for (NDArray g : gradients()) {
            sum += g.square().sum().getFloat();
        }
        return Math.sqrt(sum);
    }

    /** One update with learning rate {@code lr}, gradients first scaled by {@code gradScale}. */
    public void step(double lr, double gradScale) {
        step++;
        double b1 = config.adamBeta1();
        double b2 = config.adamBeta2();
        double correction1 = 1 - Math.pow(b1, step);
        double correction2 = 1 - Math.pow(b2, step);
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            NDArray g = w.getGradient();
            if (gradScale != 1.0) {
                g = g.mul(gradScale);
            }
            NDArray m = firstMoments.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape(), w.getDataType()));
            NDArray v = secondMoments.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape(), w.getDataType()));
            m.muli(b1).addi(g.mul(1 - b1));
            v.muli(b2).addi(g.square().muli(1 - b2));
            NDArray denominator = v.div(correction2).sqrt().addi(config.adamEpsilon());
            NDArray update = m.div(correction1).divi(denominator).muli(lr);
            if (config.weightDecay() > 0 && !exemptFromDecay(e.getKey())) {
                w.subi(w.mul(lr * config.weightDecay()));
            }
            w.subi(update);
        }
        zeroGradients();
    }

    /** PyTorch accumulates gradients across backward passes; each step starts from zero. */
    public void zeroGradients() {
        for (Parameter p : parameters.values()) {
            NDArray g = p.getArray().getGradient();
            if (g != null) {
                g.subi(g);
            }
        }
    }

    public long steps() {
        return step;
    }

    @Override
    public void close() {
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
    }
}
