package dev.surmbench.data.glue;

import dev.surmbench.data.download.Archives;
import dev.surmbench.data.download.CacheDirs;
import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.Installer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches GLUE tasks from the public URLs of the GLUE download script ({@code
 * download_glue_data.py}) into a cache folder, laid out as that script lays out its output.
 *
 * <p>Archives, relative to the base URL {@value #DEFAULT_BASE}: {@code glue/data/CoLA.zip},
 * {@code SST-2.zip}, {@code QQP-clean.zip}, {@code STS-B.zip}, {@code MNLI.zip}, {@code
 * QNLIv2.zip}, {@code RTE.zip}, {@code WNLI.zip}; MRPC is built from SentEval's {@code
 * senteval/senteval_data/msr_paraphrase_{train,test}.txt} and {@code glue/data/mrpc_dev_ids.tsv}
 * (the script's dev-id link pointed at a since-retired Firebase bucket; this is the same file on
 * the same host as the archives) with {@link MrpcConversion}.
 *
 * <p>Every installed file is checked against {@code glue-checksums.tsv} (CoLA, SST-2, MRPC, STS-B,
 * RTE: values measured on the project's shared copy) before it is moved into place; files of the
 * other tasks have their SHA-256 recorded in the cache on first download. The base URL is a
 * constructor argument so tests can serve fixture archives from a loopback server.
 */
public final class GlueDownloader {

    /** Host of the GLUE download script's files. */
    public static final String DEFAULT_BASE = "https://dl.fbaipublicfiles.com/";

    /** Classpath resource with the known SHA-256 values, paths relative to the GLUE directory. */
    public static final String CHECKSUM_RESOURCE = "/dev/surmbench/data/glue-checksums.tsv";

    private static final Logger LOG = LoggerFactory.getLogger(GlueDownloader.class);

    private final URI base;
    private final Installer installer;
    private final Downloader downloader;

    /** A downloader fetching from {@code base} into {@code cacheDir}. */
    public GlueDownloader(URI base, Path cacheDir, Downloader downloader) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.installer = new Installer(cacheDir, ChecksumRegistry.load(CHECKSUM_RESOURCE, cacheDir));
        this.downloader = downloader;
    }

    /** The public URLs and the default cache folder. */
    public static GlueDownloader defaults() {
        return new GlueDownloader(URI.create(DEFAULT_BASE), CacheDirs.of("glue"), new Downloader());
    }

    /** The cache folder (a GLUE directory once tasks are installed). */
    public Path cacheDir() {
        return installer.cacheDir();
    }

    /** The URL paths (relative to the base) fetched for {@code task}. */
    public static List<String> sources(GlueTask task) {
        return switch (task) {
            case COLA -> List.of("glue/data/CoLA.zip");
            case SST2 -> List.of("glue/data/SST-2.zip");
            case MRPC -> List.of("senteval/senteval_data/msr_paraphrase_train.txt",
                    "senteval/senteval_data/msr_paraphrase_test.txt", "glue/data/mrpc_dev_ids.tsv");
            case STSB -> List.of("glue/data/STS-B.zip");
            case QQP -> List.of("glue/data/QQP-clean.zip");
            case MNLI, MNLI_MM -> List.of("glue/data/MNLI.zip");
            case QNLI -> List.of("glue/data/QNLIv2.zip");
            case RTE -> List.of("glue/data/RTE.zip");
            case WNLI -> List.of("glue/data/WNLI.zip");
        };
    }

    /** True when both labelled files of {@code task} are in the cache. */
    public boolean isInstalled(GlueTask task) {
        return Files.isRegularFile(cacheDir().resolve(task.relativePath(GlueSplit.TRAIN)))
                && Files.isRegularFile(cacheDir().resolve(task.relativePath(GlueSplit.DEV)));
    }

    /** Downloads {@code task} unless present; returns the cache folder to read it from. */
    public Path ensure(GlueTask task) throws IOException {
        if (isInstalled(task)) {
            return cacheDir();
        }
        LOG.info("downloading GLUE task {} from {} into {}", task.userName(), base, cacheDir());
        installer.install(base.toString(), (staging, scratch) -> {
            if (task == GlueTask.MRPC) {
                stageMrpc(staging);
            } else {
                String source = sources(task).get(0);
                Path archive = scratch.resolve(source.substring(source.lastIndexOf('/') + 1));
                downloader.download(base.resolve(source), archive);
                Archives.unzip(archive, staging);
            }
            for (GlueSplit split : GlueSplit.values()) {
                if (!Files.isRegularFile(staging.resolve(task.relativePath(split)))) {
                    throw new IOException("the download for " + task.userName() + " has no "
                            + task.relativePath(split) + "; has the archive layout changed?");
                }
            }
        });
        return cacheDir();
    }

    private void stageMrpc(Path staging) throws IOException {
        Path mrpc = Files.createDirectories(staging.resolve("MRPC"));
        List<String> sources = sources(GlueTask.MRPC);
        downloader.download(base.resolve(sources.get(0)), mrpc.resolve("msr_paraphrase_train.txt"));
        downloader.download(base.resolve(sources.get(1)), mrpc.resolve("msr_paraphrase_test.txt"));
        downloader.download(base.resolve(sources.get(2)), mrpc.resolve("dev_ids.tsv"));
        MrpcConversion.convert(mrpc);
    }
}
