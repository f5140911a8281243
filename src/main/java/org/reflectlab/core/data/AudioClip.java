package org.reflectlab.core.data;

/** A stereo clip with float samples in [-1,1]. */
public record AudioClip(int sampleRate, float[] left, float[] right) {

    public AudioClip {
        if (left.length != right.length) {
            throw new IllegalArgumentException("channels differ in length");
        }
    }

    public int frames() {
        return left.length;
    }

    public double seconds() {
        return frames() / (double) sampleRate;
    }

    /** 16-bit little-endian interleaved PCM, as a WAV body or a sound line wants it. */
    public byte[] toPcm16() {
        byte[] out = new byte[frames() * 4];
        for (int i = 0; i < frames(); i++) {
            put16(out, 4 * i, left[i]);
            put16(out, 4 * i + 2, right[i]);
        }
        return out;
    }

    private static void put16(byte[] out, int at, float v) {
        int s = Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f);
        out[at] = (byte) s;
        out[at + 1] = (byte) (s >> 8);
    }
}
