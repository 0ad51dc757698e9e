package dev.surmbench.train;

/**
 * Linear warm-up from 0 to the peak over the first {@code warmupSteps}, then linear decay to 0 at
 * {@code totalSteps} (Hugging Face's {@code get_linear_schedule_with_warmup}).
 */
public record LinearSchedule(double peak, long warmupSteps, long totalSteps) {

    /** Learning rate for 0-based {@code step}. */
    public double at(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / (double) warmupSteps;
        }
        long remaining = totalSteps - step;
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        return peak * Math.max(0, remaining) / (double) decaySteps;
    }
}
