/**
 * Running a suite: {@link dev.surmbench.suite.run.SuiteRunner} (resume, shards, recording each run),
 * {@link dev.surmbench.suite.run.TrainingRunExecutor} (backbone, method injection, training, saving),
 * task data for the trainer ({@link dev.surmbench.suite.run.GlueTrainingData}, {@link
 * dev.surmbench.suite.run.ImageTrainingData}), the frozen-prefix {@link
 * dev.surmbench.suite.run.ActivationCache} (whose entries every worker that needs one builds together,
 * in {@link dev.surmbench.suite.run.PrefixSlices}), {@link dev.surmbench.suite.run.PretrainCache} and {@link
 * dev.surmbench.suite.run.RunEvaluator} for saved adapters; {@link dev.surmbench.suite.run.JobPool}
 * ({@code run --jobs}: worker processes over the same claim/lock protocol); the {@link dev.surmbench.suite.run.Preflight}
 * that asks each task runner and backbone source whether it is available before anything trains, and
 * {@link dev.surmbench.suite.run.EnvironmentUnavailableException} for what the machine lacks (never
 * recorded as a run's result); progress lines ({@link dev.surmbench.suite.run.ConsoleProgress}).
 *
 * <p>The one place that wires the lower layers together ({@code suite}, {@code train}, {@code model},
 * {@code peft}, {@code data}, {@code metrics}, {@code results}, {@code artifact}, {@code device});
 * it knows nothing of reports, benchmarks or the CLI.
 */
package dev.surmbench.suite.run;
