/**
 * Speed measurements users run before a suite: {@link dev.surmbench.bench.TrainStepBench} drives the
 * real {@link dev.surmbench.train.Trainer} step (the one every suite run uses) on seeded random tokens
 * and reports seconds per step, tokens/s, step-time flatness, forward-only throughput and peak RSS.
 *
 * <p>Uses {@code model}, {@code peft} and {@code train}; knows nothing of suites, results or reports.
 * The JMH micro-benchmarks of single blocks live in {@code src/jmh/java} under the same package name.
 */
package dev.surmbench.bench;
