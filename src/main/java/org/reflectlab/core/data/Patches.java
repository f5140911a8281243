package org.reflectlab.core.data;

/**
 * Images as ViT patch tokens: a [3, S, S] image becomes (S/p)^2 tokens of 3*p*p values, in
 * reading order, each token channel-major. Used both ways, so what a network outputs as patches
 * turns back into an image.
 */
public final class Patches {

    private Patches() {
    }

    public static int tokens(int imageSize, int patch) {
        return (imageSize / patch) * (imageSize / patch);
    }

    public static int tokenWidth(int patch) {
        return 3 * patch * patch;
    }

    /** Writes the image's patches into out at offset (tokens * tokenWidth floats). */
    public static void toPatches(RgbImage img, int patch, float[] out, int offset) {
        int s = img.width();
        int grid = s / patch;
        float[] d = img.data();
        int w = tokenWidth(patch);
        for (int py = 0; py < grid; py++) {
            for (int px = 0; px < grid; px++) {
                int base = offset + (py * grid + px) * w;
                int i = 0;
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < patch; y++) {
                        int row = (c * s + py * patch + y) * s + px * patch;
                        for (int x = 0; x < patch; x++) {
                            out[base + i++] = d[row + x];
                        }
                    }
                }
            }
        }
    }

    public static RgbImage fromPatches(float[] in, int offset, int imageSize, int patch) {
        RgbImage img = new RgbImage(imageSize, imageSize);
        float[] d = img.data();
        int grid = imageSize / patch;
        int w = tokenWidth(patch);
        for (int py = 0; py < grid; py++) {
            for (int px = 0; px < grid; px++) {
                int base = offset + (py * grid + px) * w;
                int i = 0;
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < patch; y++) {
                        int row = (c * imageSize + py * patch + y) * imageSize + px * patch;
                        for (int x = 0; x < patch; x++) {
                            d[row + x] = Math.max(0f, Math.min(1f, in[base + i++]));
                        }
                    }
                }
            }
        }
        return img;
    }
}
