/**
 * Learning-rate tuning, the earlier stage of a suite that declares {@code tune:}: {@link
 * dev.surmbench.suite.tune.TuneStage} runs the suite's trials (ordinary runs, so resume, shards, claims
 * and the activation cache apply) into {@code <out>/<suite>-tune/}, {@link
 * dev.surmbench.suite.tune.Winners} chooses each cell's rate from the recorded rows alone (a pure
 * function: no training), and {@link dev.surmbench.suite.tune.PinnedFile} writes the choice as the
 * overlay the suite pins, so that {@code run} runs the final stage without tuning again.
 *
 * <p>Wires {@code suite}, {@code suite.run} and {@code results}; knows nothing of reports or the CLI.
 */
package dev.surmbench.suite.tune;
