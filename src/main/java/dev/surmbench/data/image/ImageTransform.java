package dev.surmbench.data.image;

import java.util.SplittableRandom;

/**
 * Turns a {@link RawImage} into the backbone's input: a float CHW array of {@code channels ×
 * cropSize × cropSize}. Steps: scale bytes to [0, 1]; replicate a grey channel when the backbone
 * wants three; bilinear resize so the shorter side is {@code resizeTo} (half-pixel centres, edges
 * clamped — torchvision's {@code antialias=False}); then either a centre crop (evaluation) or, with
 * augmentation, a random crop of the image zero-padded by {@code cropPadding} plus a horizontal
 * flip with probability ½, both drawn from the caller's seeded random source; finally per-channel
 * normalisation {@code (x − mean[c]) / std[c]}.
 */
public record ImageTransform(int channels, int resizeTo, int cropSize, float[] mean, float[] std, boolean augment,
        int cropPadding) {

    /** ImageNet statistics, used by most ViT/ResNet backbones. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

    /** ImageNet statistics, used by most ViT/ResNet backbones. */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public ImageTransform {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
        }
        if (mean.length != channels || std.length != channels) {
            throw new IllegalArgumentException("one mean and one std per channel expected");
        }
        if (cropSize < 1 || resizeTo < cropSize || cropPadding < 0) {
            throw new IllegalArgumentException("need 1 <= cropSize <= resizeTo and cropPadding >= 0");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** An evaluation transform: resize the shorter side to {@code resizeTo}, centre-crop {@code cropSize}. */
    public static ImageTransform eval(int channels, int resizeTo, int cropSize, float[] mean, float[] std) {
        return new ImageTransform(channels, resizeTo, cropSize, mean, std, false, 0);
    }

    /** The same transform with random crop (zero padding {@code padding}) and horizontal flip. */
    public ImageTransform withAugmentation(int padding) {
        return new ImageTransform(channels, resizeTo, cropSize, mean, std, true, padding);
    }

    /** Floats per output image. */
    public int outputLength() {
        return channels * cropSize * cropSize;
    }

    /** Applies the transform; {@code random} is required when augmenting and ignored otherwise. */
    public float[] apply(RawImage image, SplittableRandom random) {
        float[] pixels = toUnitFloats(image);
        int h = image.height();
        int w = image.width();
        double scale = (double) resizeTo / Math.min(h, w);
        int newH = Math.max(resizeTo, (int) Math.round(h * scale));
        int newW = Math.max(resizeTo, (int) Math.round(w * scale));
        if (newH != h || newW != w) {
            pixels = resize(pixels, h, w, newH, newW);
            h = newH;
            w = newW;
        }
        int top = (h - cropSize) / 2;
        int left = (w - cropSize) / 2;
        boolean flip = false;
        if (augment) {
            top = random.nextInt(h + 2 * cropPadding - cropSize + 1) - cropPadding;
            left = random.nextInt(w + 2 * cropPadding - cropSize + 1) - cropPadding;
            flip = random.nextBoolean();
        }
        float[] out = new float[outputLength()];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < cropSize; y++) {
                int sy = top + y;
                for (int x = 0; x < cropSize; x++) {
                    int sx = left + (flip ? cropSize - 1 - x : x);
                    float value = sy < 0 || sy >= h || sx < 0 || sx >= w ? 0f : pixels[(c * h + sy) * w + sx];
                    out[(c * cropSize + y) * cropSize + x] = (value - mean[c]) / std[c];
                }
            }
        }
        return out;
    }

    private float[] toUnitFloats(RawImage image) {
        int plane = image.height() * image.width();
        if (image.channels() != channels && !(image.channels() == 1 && channels == 3)) {
            throw new IllegalArgumentException("cannot turn a " + image.channels() + "-channel image into "
                    + channels + " channels");
        }
        float[] out = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            int source = image.channels() == 1 ? 0 : c;
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = (image.pixels()[source * plane + i] & 0xFF) / 255f;
            }
        }
        return out;
    }

    /** Bilinear resize of each channel with half-pixel centres and clamped edges. */
    static float[] resize(float[] pixels, int h, int w, int newH, int newW) {
        int planes = pixels.length / (h * w);
        float[] out = new float[planes * newH * newW];
        for (int y = 0; y < newH; y++) {
            double sy = Math.min(h - 1, Math.max(0, (y + 0.5) * h / newH - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < newW; x++) {
                double sx = Math.min(w - 1, Math.max(0, (x + 0.5) * w / newW - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                for (int c = 0; c < planes; c++) {
                    int base = c * h * w;
                    double top = pixels[base + y0 * w + x0] * (1 - fx) + pixels[base + y0 * w + x1] * fx;
                    double bottom = pixels[base + y1 * w + x0] * (1 - fx) + pixels[base + y1 * w + x1] * fx;
                    out[(c * newH + y) * newW + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }
}
