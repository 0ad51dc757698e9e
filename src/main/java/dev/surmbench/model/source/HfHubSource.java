package dev.surmbench.model.source;

import dev.surmbench.model.BackboneConfig;
import dev.surmbench.model.BackboneSource;
import dev.surmbench.model.TensorSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hf:<org>/<name>[@revision]}: a checkpoint on the Hugging Face hub, fetched file by file
 * into the local cache by {@link HubClient} (verified, resumable) and then read as an
 * {@link HfCheckpointSource}. Nothing is downloaded until a method needs the file.
 */
public final class HfHubSource implements BackboneSource {
    private final String spec;
    private final String repo;
    private final String revision;
    private final HubClient client;
    private final HfCheckpointSource local;

    HfHubSource(String spec, String repo, String revision, HubClient client) {
        this.spec = spec;
        this.repo = repo;
        this.revision = revision;
        this.client = client;
        this.local = new HfCheckpointSource(spec, client.snapshotDir(repo, revision));
    }

    /** Parses {@code org/name[@revision]} (default revision "main") with the environment's hub client. */
    public static HfHubSource of(String spec, String repoAndRevision) {
        int at = repoAndRevision.indexOf('@');
        String repo = at < 0 ? repoAndRevision : repoAndRevision.substring(0, at);
        String revision = at < 0 ? "main" : repoAndRevision.substring(at + 1);
        return new HfHubSource(spec, repo, revision, HubClient.fromEnvironment());
    }

    @Override
    public String spec() {
        return spec;
    }

    public String repo() {
        return repo;
    }

    public String revision() {
        return revision;
    }

    @Override
    public BackboneConfig config() {
        client.fetch(repo, revision, HfCheckpointSource.CONFIG, true);
        return local.config();
    }

    @Override
    public TensorSet weights() {
        fetchWeights();
        return local.weights();
    }

    @Override
    public Map<String, String> weightsSha256() {
        fetchWeights();
        return local.weightsSha256();
    }

    /** Brings config and weights into the local snapshot (no-ops once there). */
    private void fetchWeights() {
        config();
        client.fetch(repo, revision, HfCheckpointSource.WEIGHTS, true);
    }

    @Override
    public Optional<Path> tokenizer() {
        config();
        if (client.fetch(repo, revision, HfCheckpointSource.TOKENIZER, false).isEmpty()) {
            client.fetch(repo, revision, HfCheckpointSource.VOCAB, false);
            client.fetch(repo, revision, "tokenizer_config.json", false);
        }
        return local.tokenizer();
    }
}
