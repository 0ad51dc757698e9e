package dev.surmbench.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageTransformTest {

    private static final float[] ZERO = {0f};
    private static final float[] ONE = {1f};

    private static RawImage grey(int height, int width, int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return new RawImage(1, height, width, pixels);
    }

    @Test
    void identityScalesToUnitRange() {
        float[] out = ImageTransform.eval(1, 2, 2, ZERO, ONE).apply(grey(2, 2, 0, 51, 102, 255), null);
        assertArrayEquals(new float[] {0f, 51 / 255f, 102 / 255f, 1f}, out);
    }

    @Test
    void normalisesPerChannel() {
        RawImage rgb = new RawImage(3, 1, 1, new byte[] {(byte) 255, 0, (byte) 51});
        float[] out = ImageTransform.eval(3, 1, 1, new float[] {0.5f, 0.5f, 0.2f}, new float[] {0.5f, 0.25f, 0.1f})
                .apply(rgb, null);
        // (1 - 0.5) / 0.5 = 1; (0 - 0.5) / 0.25 = -2; (0.2 - 0.2) / 0.1 = 0
        assertArrayEquals(new float[] {1f, -2f, 0f}, out, 1e-6f);
    }

    @Test
    void bilinearUpsamplingByHand() {
        // Row [0, 1] to 4 columns with half-pixel centres: source x = (x + 0.5) / 2 - 0.5
        // = -0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1) -> values 0, 0.25, 0.75, 1
        float[] out = ImageTransform.eval(1, 4, 4, ZERO, ONE).apply(grey(2, 2, 0, 255, 0, 255), null);
        float[] row = {0f, 0.25f, 0.75f, 1f};
        for (int y = 0; y < 4; y++) {
            assertArrayEquals(row, java.util.Arrays.copyOfRange(out, 4 * y, 4 * y + 4), 1e-7f, "row " + y);
        }
    }

    @Test
    void centreCropAfterShorterSideResize() {
        // 4x4 with values 0..15: crop 2 keeps rows 1-2, columns 1-2 -> 5, 6, 9, 10
        int[] values = new int[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i;
        }
        float[] out = ImageTransform.eval(1, 4, 2, ZERO, new float[] {1 / 255f}).apply(grey(4, 4, values), null);
        assertArrayEquals(new float[] {5, 6, 9, 10}, out, 1e-4f);
        // a 1x2 image resized so its shorter side is 2 becomes 2x4
        float[] wide = ImageTransform.eval(1, 2, 2, ZERO, ONE).apply(grey(1, 2, 0, 255), null);
        // columns of the 2x4 resize are 0, .25, .75, 1; the centre crop keeps columns 1-2
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.25f, 0.75f}, wide, 1e-7f);
    }

    @Test
    void greyBecomesRgbForThreeChannelBackbones() {
        float[] out = ImageTransform.eval(3, 1, 1, new float[] {0, 0, 0}, new float[] {1, 1, 1})
                .apply(grey(1, 1, 255), null);
        assertArrayEquals(new float[] {1f, 1f, 1f}, out);
    }

    @Test
    void augmentationIsSeededAndFlipsOrCrops() {
        RawImage image = grey(2, 2, 10, 20, 30, 40);
        ImageTransform flipOnly = ImageTransform.eval(1, 2, 2, ZERO, new float[] {1 / 255f}).withAugmentation(0);
        Set<List<Float>> outcomes = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            float[] a = flipOnly.apply(image, new SplittableRandom(seed));
            assertArrayEquals(a, flipOnly.apply(image, new SplittableRandom(seed)), "same seed, same output");
            outcomes.add(List.of(Math.round(a[0]) * 1f, Math.round(a[1]) * 1f, Math.round(a[2]) * 1f,
                    Math.round(a[3]) * 1f));
        }
        // without padding the crop is the whole image: only the flip varies
        assertEquals(Set.of(List.of(10f, 20f, 30f, 40f), List.of(20f, 10f, 40f, 30f)), outcomes);
        ImageTransform padded = ImageTransform.eval(1, 2, 2, ZERO, ONE).withAugmentation(2);
        boolean sawPadding = false;
        for (long seed = 0; seed < 20; seed++) {
            for (float v : padded.apply(image, new SplittableRandom(seed))) {
                sawPadding |= v == 0f;
            }
        }
        assertTrue(sawPadding, "a padded random crop reaches into the zero border");
    }
}
