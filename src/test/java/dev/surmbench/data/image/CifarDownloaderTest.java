package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.download.ChecksumMismatchException;
import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.Installer;
import dev.surmbench.data.download.LoopbackServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR downloads against a loopback server serving tiny generated archives. */
class CifarDownloaderTest {

    @TempDir
    Path root;

    @AutoClose
    private final LoopbackServer server = LoopbackServer.start();

    private static byte[] cifar10Archive(int testLabel) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int b = 1; b <= 5; b++) {
            entries.put("cifar-10-batches-bin/data_batch_" + b + ".bin",
                    ImageFixtures.cifarRecords(b, new int[][] {{b - 1}}));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", ImageFixtures.cifarRecords(9, new int[][] {{testLabel}}));
        entries.put("cifar-10-batches-bin/batches.meta.txt", String.join("\n", CifarReader.CIFAR10_CLASSES)
                .concat("\n\n").getBytes());
        return ImageFixtures.tarGz(entries);
    }

    private CifarDownloader downloader(int attempts) {
        return new CifarDownloader(server.base(), root, new Downloader(attempts));
    }

    @Test
    void downloadsExtractsAndRecordsChecksums() throws IOException {
        server.serve("cifar-10-binary.tar.gz", cifar10Archive(7));
        Path location = downloader(1).ensure(ImageSource.CIFAR10);
        assertEquals(root.resolve("cifar10/cifar-10-batches-bin"), location);
        ImageDataset test = ImageSource.CIFAR10.load(root, ImageSplit.TEST);
        assertEquals(7, test.images().get(0).label());
        assertEquals(5, ImageSource.CIFAR10.count(root, ImageSplit.TRAIN));
        List<String> recorded = Files.readAllLines(root.resolve("cifar10").resolve(ChecksumRegistry.RECORDED_FILE));
        assertEquals(7, recorded.size(), "six batches and the meta file");
        assertTrue(recorded.get(0).startsWith("cifar-10-batches-bin/batches.meta.txt\t"), recorded.get(0));
        downloader(1).ensure(ImageSource.CIFAR10);
        assertEquals(1, server.requests().size(), "present data is not fetched again");
    }

    @Test
    void mismatchAgainstARecordedValueInstallsNothing() throws IOException {
        server.serve("cifar-10-binary.tar.gz", cifar10Archive(7));
        downloader(1).ensure(ImageSource.CIFAR10);
        // the upstream file changes: test_batch.bin now differs from the value recorded the first time
        Installer.deleteRecursively(root.resolve("cifar10/cifar-10-batches-bin"));
        server.serve("cifar-10-binary.tar.gz", cifar10Archive(3));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> downloader(1).ensure(ImageSource.CIFAR10));
        assertTrue(e.getMessage().contains("cifar-10-batches-bin/test_batch.bin"), e.getMessage());
        assertEquals(List.of(root.resolve("cifar10").resolve(ChecksumRegistry.RECORDED_FILE)),
                Installer.regularFiles(root), "only the recorded values remain");
    }

    @Test
    void interruptedTransferThenRetry() throws IOException {
        server.serve("cifar-100-binary.tar.gz", ImageFixtures.tarGz(Map.of(
                "cifar-100-binary/train.bin", ImageFixtures.cifarRecords(0, new int[][] {{1, 42}}),
                "cifar-100-binary/test.bin", ImageFixtures.cifarRecords(1, new int[][] {{2, 43}}))))
                .breakNext("cifar-100-binary.tar.gz", 1);
        assertThrows(IOException.class, () -> downloader(1).ensure(ImageSource.CIFAR100));
        assertEquals(List.of(), Installer.regularFiles(root));
        assertFalse(ImageSource.CIFAR100.isPresent(root, ImageSplit.TRAIN));
        downloader(1).ensure(ImageSource.CIFAR100);
        assertEquals(42, ImageSource.CIFAR100.load(root, ImageSplit.TRAIN).images().get(0).label());
    }
}
