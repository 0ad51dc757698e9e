package dev.surmbench.artifact;

import dev.surmbench.model.WeightTensor;
import dev.surmbench.model.TensorSet;
import dev.surmbench.model.WeightLoadException;
import dev.surmbench.model.safetensors.SafeTensors;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.surmbench.results.AtomicFiles;
import dev.surmbench.results.ResultsLayout;
import dev.surmbench.results.RunDocument;
import dev.surmbench.results.RunJson;
import dev.surmbench.util.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An adapter folder: {@value #TENSORS} (the trainable parameters of the best epoch, F32, by module
 * path) and {@value #MANIFEST} ({@link AdapterManifest}, which records the tensors file's SHA-256).
 * Written as one folder atomically; read back strictly — a missing, truncated or altered file is an
 * {@link AdapterFormatException} naming it.
 */
public final class AdapterFiles {
    /** The tensors file of an adapter folder. */
    public static final String TENSORS = "adapter.safetensors";
    /** The description file of an adapter folder. */
    public static final String MANIFEST = "adapter.json";

    private AdapterFiles() {}

    /** An adapter read back: its folder, description and tensors. */
    public record Saved(Path dir, AdapterManifest manifest, Map<String, WeightTensor> tensors) {
        public Saved {
            tensors = Map.copyOf(tensors);
        }

        /** The tensors file, for messages. */
        public Path tensorsFile() {
            return dir.resolve(TENSORS);
        }

        /**
         * The run's model with these weights: built by the manifest's recipe (on {@code source}
         * instead of the recorded backbone source when not null), the backbone's weights checked
         * against the recorded SHA-256, then the trainable parameters overwritten. Close it.
         */
        public ModelRecipe.Built restore(String source) {
            ModelRecipe recipe = source == null ? manifest.recipe() : manifest.recipe().withSource(source);
            ModelRecipe.Built built = recipe.build(true, ai.djl.Device.cpu());
            try {
                if (!built.backboneSha256().equals(manifest.backboneSha256())) {
                    throw new AdapterFormatException("backbone " + recipe.source() + " (layers " + recipe.layers()
                            + ") has weights SHA-256 " + built.backboneSha256() + ", but " + dir.resolve(MANIFEST)
                            + " was trained on " + manifest.backboneSha256() + " (" + manifest.backboneSpec()
                            + "); pass the backbone it was trained on");
                }
                AdapterWeights.load(built.model().block(), tensors, tensorsFile().toString());
                return built;
            } catch (RuntimeException e) {
                built.close();
                throw e;
            }
        }
    }

    /** Writes {@code dir} (replacing any previous one) with {@code tensors} and the manifest, checksum filled in. */
    public static void write(Path dir, AdapterManifest manifest, Map<String, WeightTensor> tensors) throws IOException {
        AtomicFiles.writeDirectory(dir, folder -> {
            Path file = folder.resolve(TENSORS);
            SafeTensors.write(file, tensors, Map.of("format", "pt", "surm_bench_run", manifest.runId()));
            Files.writeString(folder.resolve(MANIFEST), manifest.withTensorsSha256(Sha256.of(file)).toJson());
        });
    }

    /**
     * Reads the adapter of the run folder {@code runDir} and checks that it belongs to that run: the
     * manifest's run id and method must be the ones the run's {@code run.json} records (an adapter
     * folder copied in from another run is refused, naming both). The tensors file is bound to the
     * manifest by its checksum ({@link #read}), and its shapes are checked against the model the
     * manifest describes whenever one is restored ({@link Saved#restore}). The one check behind
     * {@code export} and {@code eval --run}.
     */
    public static Saved readOfRun(Path runDir) {
        Path runJson = runDir.resolve(ResultsLayout.RUN_JSON);
        if (!Files.isRegularFile(runJson)) {
            throw new AdapterFormatException(runJson + ": not found; give a run folder results/<suite>/runs/<id> "
                    + "(or an adapter folder)");
        }
        RunDocument.Config config;
        try {
            RunDocument doc = RunJson.read(runJson);
            config = doc == null ? null : doc.config();
        } catch (JsonProcessingException e) {
            throw new AdapterFormatException(RunJson.problem(runJson, e, "a run.json"));
        } catch (IOException e) {
            throw new AdapterFormatException(runJson + ": cannot read it (" + e.getMessage() + ")");
        }
        if (config == null || config.runId() == null) {
            throw new AdapterFormatException(runJson + ": field 'config.run_id' is missing; not a run.json written by 'run'");
        }
        Saved saved = read(runDir.resolve(ResultsLayout.ADAPTER_DIR));
        AdapterManifest m = saved.manifest();
        if (!m.runId().equals(config.runId()) || !m.recipe().method().equals(config.method())) {
            throw new AdapterFormatException(saved.dir().resolve(MANIFEST) + ": belongs to run " + m.runId() + " ("
                    + m.recipe().method() + "), not to run " + config.runId() + " (" + config.method() + ") of " + runJson
                    + "; restore the run's own adapter folder");
        }
        return saved;
    }

    /** Reads and checks the adapter folder {@code dir}. */
    public static Saved read(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        Path tensorsFile = dir.resolve(TENSORS);
        for (Path f : new Path[] {manifestFile, tensorsFile}) {
            if (!Files.isRegularFile(f)) {
                throw new AdapterFormatException(f + ": not found; " + (Files.isDirectory(dir) ? "the adapter folder is incomplete"
                        : "no adapter folder here (a run keeps one unless its 'save' setting is none; 'auto' is none for full)"));
            }
        }
        AdapterManifest manifest = AdapterManifest.read(manifestFile);
        String sha = Sha256.of(tensorsFile);
        if (!sha.equals(manifest.tensorsSha256())) {
            throw new AdapterFormatException(tensorsFile + ": SHA-256 " + sha + " differs from the " + manifest.tensorsSha256()
                    + " recorded in " + MANIFEST + "; the file was truncated or altered: re-run the run or restore the folder");
        }
        TensorSet tensors;
        try {
            tensors = SafeTensors.read(tensorsFile);
        } catch (WeightLoadException e) {
            throw new AdapterFormatException(e.getMessage(), e);
        }
        return new Saved(dir, manifest, tensors.tensors());
    }
}
