/**
 * Suites: a YAML file ({@link dev.surmbench.suite.YamlReader}) parsed and validated by {@link
 * dev.surmbench.suite.SuiteParser} into a {@link dev.surmbench.suite.Suite} of fully resolved {@link
 * dev.surmbench.suite.RunSpec}s, with every setting (its key, built-in default, range, words and task
 * domain) in {@link dev.surmbench.suite.RunSettings}, a run's settings read typed through {@link
 * dev.surmbench.suite.ResolvedSettings} ({@code spec.config()}), the {@code device} setting in {@link
 * dev.surmbench.suite.DeviceChoice} and the names other packages own looked up through {@link
 * dev.surmbench.suite.SuiteCatalog} (a task's family is {@link dev.surmbench.data.TaskDomain}; the
 * suite has no notion of its own). A suite's {@code tune:} section, {@code overrides:} and pinned file
 * become its {@link dev.surmbench.suite.Tuning} (trial runs, grids from {@link
 * dev.surmbench.suite.MethodFamily} or the suite, pinned rates). Running them is {@code suite.run};
 * tuning is {@code suite.tune}.
 *
 * <p>Uses {@code data}, {@code model}, {@code peft}, {@code device} and {@code util} to check names and
 * combinations; knows nothing of training, results, reports or adapter files.
 */
package dev.surmbench.suite;
