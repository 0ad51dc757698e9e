package dev.surmbench.peft;

/**
 * Trainable-parameter count of a method at one site or summed over a model.
 *
 * <p>{@code stored} is the number of scalars actually held and updated by the optimiser;
 * {@code effective} is the number of degrees of freedom of the update it can express. They differ
 * for over-parameterised forms such as the circulant product c = a⊙b (2d stored, d effective).
 */
public record ParameterCount(long stored, long effective) {

    public static final ParameterCount ZERO = new ParameterCount(0, 0);

    public ParameterCount {
        if (stored < 0 || effective < 0 || effective > stored) {
            throw new IllegalArgumentException(
                    "parameter count needs 0 <= effective <= stored, got stored=" + stored
                            + " effective=" + effective);
        }
    }

    /** A count whose stored and effective numbers agree. */
    public static ParameterCount of(long stored) {
        return new ParameterCount(stored, stored);
    }

    public ParameterCount plus(ParameterCount other) {
        return new ParameterCount(stored + other.stored, effective + other.effective);
    }

    @Override
    public String toString() {
        return stored == effective ? Long.toString(stored) : stored + " stored / " + effective + " effective";
    }
}
