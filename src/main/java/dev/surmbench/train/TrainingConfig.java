package dev.surmbench.train;

/**
 * Optimisation settings of one run (AdamW with decoupled weight decay, linear warm-up then linear
 * decay, global-norm clipping). Validated: a bad value names the field and its range.
 *
 * @param epochs passes over the training data
 * @param learningRate peak learning rate
 * @param weightDecay decoupled weight decay, not applied to biases and LayerNorm weights
 * @param warmupRatio fraction of all steps spent warming up linearly from 0
 * @param maxGradNorm global gradient-norm clip (0 = no clipping)
 * @param adamBeta1 first-moment decay
 * @param adamBeta2 second-moment decay
 * @param adamEpsilon denominator guard
 */
public record TrainingConfig(
        int epochs, double learningRate, double weightDecay, double warmupRatio, double maxGradNorm,
        double adamBeta1, double adamBeta2, double adamEpsilon) {

    /** AdamW's first-moment decay everywhere in the project (the Hugging Face Trainer's default). */
    public static final double ADAM_BETA1 = 0.9;

    /** AdamW's second-moment decay everywhere in the project (the Hugging Face Trainer's default). */
    public static final double ADAM_BETA2 = 0.999;

    /** AdamW's denominator guard everywhere in the project (the Hugging Face Trainer's default). */
    public static final double ADAM_EPSILON = 1e-8;

    /** The settings a suite controls, with the project's AdamW constants ({@link #ADAM_BETA1} …). */
    public static TrainingConfig adamW(int epochs, double learningRate, double weightDecay, double warmupRatio,
                                       double maxGradNorm) {
        return new TrainingConfig(epochs, learningRate, weightDecay, warmupRatio, maxGradNorm, ADAM_BETA1, ADAM_BETA2,
                ADAM_EPSILON);
    }

    public TrainingConfig {
        check("epochs", epochs, 1, 10_000);
        check("learning_rate", learningRate, 1e-9, 10);
        check("weight_decay", weightDecay, 0, 10);
        check("warmup_ratio", warmupRatio, 0, 1);
        check("max_grad_norm", maxGradNorm, 0, 1e6);
        check("adam_beta1", adamBeta1, 0, 0.999999);
        check("adam_beta2", adamBeta2, 0, 0.999999);
        check("adam_epsilon", adamEpsilon, 1e-12, 1);
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("training option '" + field + "' must be in [" + min + ", " + max
                    + "], got " + value);
        }
    }
}
