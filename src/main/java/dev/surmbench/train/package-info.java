/**
 * Training one model: {@link dev.surmbench.train.Trainer} (AdamW, warm-up and decay, clipping, an
 * evaluation after every epoch) configured by {@link dev.surmbench.train.TrainingConfig}, fed through
 * {@link dev.surmbench.train.TrainingData} (batches of {@link dev.surmbench.train.HostInput}s in
 * {@link dev.surmbench.train.HostBatch}es) and returning a {@link dev.surmbench.train.TrainingOutcome};
 * also {@link dev.surmbench.train.AdamW}, {@link dev.surmbench.train.LinearSchedule}, the cost meters
 * ({@link dev.surmbench.train.ResourceMeter}, {@link dev.surmbench.train.GpuMemoryMeter}), {@link
 * dev.surmbench.train.TrivialPredictor} and {@link dev.surmbench.train.EngineThreads} (the one decision
 * of PyTorch's thread count, and the count in effect).
 *
 * <p>Depends only on DJL, {@code device}, {@code ops}, {@code util} and {@code peft.BlockPaths}: it knows
 * no suites, results, reports, backbones, datasets or activation caches.
 */
package dev.surmbench.train;
