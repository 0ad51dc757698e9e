/**
 * Suites: a YAML file ({@link dev.surmbench.suite.YamlReader}) parsed and validated by {@link
 * dev.surmbench.suite.SuiteParser} into a {@link dev.surmbench.suite.Suite} of fully resolved {@link
 * dev.surmbench.suite.RunSpec}s, with every setting (its key, built-in default, range, words and task
 * domain) in {@link dev.surmbench.suite.RunSettings}, a run's settings read typed through {@link
 * dev.surmbench.suite.ResolvedSettings} ({@code spec.config()}), the {@code device} setting in {@link
 * dev.surmbench.suite.DeviceChoice} and the names other packages own looked up through {@link
 * dev.surmbench.suite.SuiteCatalog} (a task's family is {@link dev.surmbench.data.TaskDomain}; the
 * suite has no notion of its own). Running them is {@code suite.run}.
 *
 * <p>Uses {@code data}, {@code model}, {@code peft}, {@code device} and {@code util} to check names and
 * combinations; knows nothing of training, results, reports or adapter files.
 */
package dev.surmbench.suite;
