package dev.surmbench.data.image;

/**
 * An image as stored on disk: 8-bit pixels in channel-major (CHW) order. Kept as bytes (a quarter
 * of the memory of floats) until {@link ImageTransform} turns it into a normalised float tensor.
 */
public record RawImage(int channels, int height, int width, byte[] pixels) {

    public RawImage {
        if (channels < 1 || height < 1 || width < 1 || pixels.length != channels * height * width) {
            throw new IllegalArgumentException("pixels must hold " + channels + "x" + height + "x" + width
                    + " bytes, got " + pixels.length);
        }
    }

    /** The pixel of {@code channel} at ({@code y}, {@code x}) in [0, 255]. */
    public int pixel(int channel, int y, int x) {
        return pixels[(channel * height + y) * width + x] & 0xFF;
    }
}
