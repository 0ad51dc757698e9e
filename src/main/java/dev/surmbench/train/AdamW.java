package dev.surmbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) as in PyTorch/Hugging Face: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * w ← w·(1 − lr·λ) − lr·m̂/(√v̂ + ε) with bias-corrected m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ). Decay is
 * decoupled from the gradient and skipped for biases and LayerNorm weights (the Hugging Face
 * convention).
 *
 * <p>Implementation (PyTorch's single-tensor AdamW, op for op where DJL has the op): every update is
 * in place on the weight and its moments, the clipping scale is folded into the moment updates, and
 * the scalar coefficients are computed in double precision (an engine call taking float betas would
 * round 1−β2 = 0.001 by 1.3·10⁻⁵ relative). Callers run {@link #step} inside a scope that
 * temporarily holds the parameter arrays ({@link #state} lists what else to attach): every temporary
 * is freed with that scope — a temporary left on a long-lived manager grows memory by a model's size
 * each step.
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
     * {@code stateManager}. Callers run {@link #step} and {@link #gradientNorm} inside a scope that
     * temporarily holds the parameter arrays, so their temporaries are freed with that scope.
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
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith("bias") || lower.endsWith(".beta") || lower.endsWith(".gamma")
                || lower.contains("layernorm.") || lower.contains("layer_norm") || lower.contains("layernorm_");
    }

    /** The trainable parameters' current gradients, in path order (absent gradients skipped). */
    public List<NDArray> gradients() {
        List<NDArray> out = new ArrayList<>();
        for (Parameter p : parameters.values()) {
            NDArray w = p.getArray();
            if (w.hasGradient()) {
                out.add(w.getGradient());
            }
        }
        return out;
    }

    /**
     * Global L2 norm of all gradients, as PyTorch's {@code clip_grad_norm_} computes it: the norm of
     * the per-parameter norms, read back to the host once.
     */
    public double gradientNorm() {
        List<NDArray> gradients = gradients();
        if (gradients.isEmpty()) {
            return 0;
        }
        NDList norms = new NDList(gradients.size());
        for (NDArray g : gradients) {
            norms.add(g.norm());
        }
        return NDArrays.stack(norms).norm().getFloat();
    }

    /** The moment arrays (created on first use); attach them to the step's scope with the parameters. */
    public NDArray[] state() {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            firstMoments.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape(), w.getDataType()));
            secondMoments.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape(), w.getDataType()));
        }
        List<NDArray> out = new ArrayList<>(firstMoments.values());
        out.addAll(secondMoments.values());
        return out.toArray(NDArray[]::new);
    }

    /** One update with learning rate {@code lr}, gradients first scaled by {@code gradScale}; gradients are zeroed. */
    public void step(double lr, double gradScale) {
        step++;
        double b1 = config.adamBeta1();
        double b2 = config.adamBeta2();
        double stepSize = lr / (1 - Math.pow(b1, step));
        double correction2Root = Math.sqrt(1 - Math.pow(b2, step));
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            if (!w.hasGradient()) {
                continue;
            }
            NDArray g = w.getGradient();
            NDArray m = firstMoments.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape(), w.getDataType()));
            NDArray v = secondMoments.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape(), w.getDataType()));
            m.muli(b1).addi(g.mul((1 - b1) * gradScale));
            v.muli(b2).addi(g.square().muli((1 - b2) * gradScale * gradScale));
            if (config.weightDecay() > 0 && !exemptFromDecay(e.getKey())) {
                w.muli(1 - lr * config.weightDecay());
            }
            NDArray denominator = v.sqrt().divi(correction2Root).addi(config.adamEpsilon());
            w.subi(m.div(denominator).muli(stepSize));
            g.subi(g); // PyTorch accumulates gradients across backward passes; each step starts from zero
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
