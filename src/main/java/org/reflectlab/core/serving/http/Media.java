package org.reflectlab.core.serving.http;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.RgbImage;

/** PNG and WAV in and out of the API: what any HTTP client can make and read. Bad bytes give a one-line reason. */
final class Media {

    private Media() {
    }

    static byte[] png(RgbImage img) {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, img.width(), img.height(), img.toArgb(), 0, img.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(b, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode a PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static RgbImage readPng(byte[] bytes) {
        BufferedImage b;
        try {
            b = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            b = null;
        }
        if (b == null) {
            throw new IllegalArgumentException("'image' is not a readable PNG (give base64 of a PNG file)");
        }
        int[] argb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        return RgbImage.fromArgb(b.getWidth(), b.getHeight(), argb);
    }

    /** 16-bit PCM stereo WAV. */
    static byte[] wav(AudioClip clip) {
        byte[] pcm = clip.toPcm16();
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(clip.sampleRate())
                .putInt(clip.sampleRate() * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(pcm.length).put(pcm);
        return b.array();
    }

    /** A 16-bit PCM WAV, mono or stereo (mono is heard on both sides). */
    static AudioClip readWav(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 44 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            throw new IllegalArgumentException("'audio' is not a WAV file (give base64 of a 16-bit PCM WAV)");
        }
        int at = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (at + 8 <= bytes.length) {
            int size = b.getInt(at + 4);
            if (size < 0 || at + 8L + size > bytes.length) {
                throw new IllegalArgumentException("'audio' is a truncated WAV file");
            }
            if (tag(bytes, at, "fmt ") && size >= 16) {
                int format = b.getShort(at + 8);
                channels = b.getShort(at + 10);
                rate = b.getInt(at + 12);
                bits = b.getShort(at + 22);
                if (format != 1 || bits != 16 || channels < 1 || channels > 2) {
                    throw new IllegalArgumentException("'audio' must be 16-bit PCM, mono or stereo (format " + format + ", "
                            + bits + " bits, " + channels + " channels)");
                }
            } else if (tag(bytes, at, "data")) {
                if (channels == 0) {
                    throw new IllegalArgumentException("'audio' has its data before its format chunk");
                }
                int frames = size / (2 * channels);
                float[] left = new float[frames];
                float[] right = new float[frames];
                for (int i = 0; i < frames; i++) {
                    left[i] = b.getShort(at + 8 + 2 * channels * i) / 32768f;
                    right[i] = channels == 2 ? b.getShort(at + 8 + 4 * i + 2) / 32768f : left[i];
                }
                return new AudioClip(rate, left, right);
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("'audio' is a WAV file without a data chunk");
    }

    private static boolean tag(byte[] b, int at, String t) {
        return at + 4 <= b.length && new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(t);
    }
}
