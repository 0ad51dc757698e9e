/**
 * Trained adapters as files: what a run keeps of its best epoch, and the formats it can be handed
 * on in.
 *
 * <ul>
 *   <li>{@link dev.surmbench.artifact.ModelRecipe}: how a run's model is built (backbone source,
 *       slice, pooling, seeded head, injected method) — the one recipe training and restoring share,
 *       so a restored model is the trained one by construction.</li>
 *   <li>{@link dev.surmbench.artifact.AdapterFiles}: {@code adapter.safetensors} (the trainable
 *       parameters by module path) + {@code adapter.json} ({@link
 *       dev.surmbench.artifact.AdapterManifest}), written as one folder atomically and read back
 *       strictly (checksum, tensor set, shapes).</li>
 *   <li>{@link dev.surmbench.artifact.PeftExport}: Hugging Face PEFT folders ({@code LORA},
 *       {@code C3A}); {@link dev.surmbench.artifact.MergedExport}: a plain Hugging Face checkpoint
 *       with every update merged into the base weights.</li>
 * </ul>
 *
 * <p>Uses {@code peft} and {@code model} (and {@code results}: {@code AtomicFiles} to write, a run
 * folder's {@code run.json} to check that its adapter is its own). It knows
 * nothing of suites, task data, metrics or training: callers hand it the run's facts as a
 * manifest, and {@code results} only points at the folders it writes.
 */
package dev.surmbench.artifact;
