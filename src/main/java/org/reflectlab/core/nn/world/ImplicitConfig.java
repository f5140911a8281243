package org.reflectlab.core.nn.world;

import java.util.Map;
import org.reflectlab.core.store.ConfigJson;

/**
 * Architecture of the implicit world model: frames cut into patches, an encoder of the last two
 * frames (and the action between them) into a latent, a residual MLP transition that takes the
 * action, and a per-position MLP decoder back to a frame. {@code unroll} is how many transition
 * steps training backpropagates through. Every field is checked.
 */
public record ImplicitConfig(int frameSize, int patch, int tokenWidth, int readout, int encoderHidden, int latent,
                             int transitionHidden, int decoderView, int decoderHidden, int unroll) {

    public static ImplicitConfig defaults() {
        return new ImplicitConfig(32, 4, 32, 16, 256, 64, 256, 32, 128, 6);
    }

    /** A very small model for tests. */
    public static ImplicitConfig tiny() {
        return new ImplicitConfig(32, 8, 16, 8, 64, 24, 64, 8, 32, 2);
    }

    public ImplicitConfig {
        check(frameSize == 32 || frameSize == 64, "frame size must be 32 or 64");
        check(patch >= 2 && patch <= 16 && frameSize % patch == 0, "patch must be 2..16 and divide the frame size");
        check(tokenWidth >= 4 && tokenWidth <= 256, "token width must be 4..256");
        check(readout >= 2 && readout <= 64, "readout width must be 2..64");
        check(encoderHidden >= 8 && encoderHidden <= 1024, "encoder hidden width must be 8..1024");
        check(latent >= 8 && latent <= 512, "latent size must be 8..512");
        check(transitionHidden >= 8 && transitionHidden <= 1024, "transition hidden width must be 8..1024");
        check(decoderView >= 4 && decoderView <= 128, "decoder view width must be 4..128");
        check(decoderHidden >= 8 && decoderHidden <= 512, "decoder hidden width must be 8..512");
        check(unroll >= 1 && unroll <= 16, "unroll must be 1..16 steps");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public int tokens() {
        return (frameSize / patch) * (frameSize / patch);
    }

    public int patchWidth() {
        return 3 * patch * patch;
    }

    public ImplicitConfig withUnroll(int k) {
        return new ImplicitConfig(frameSize, patch, tokenWidth, readout, encoderHidden, latent, transitionHidden,
                decoderView, decoderHidden, k);
    }

    public ImplicitConfig withFrameSize(int size) {
        return new ImplicitConfig(size, patch, tokenWidth, readout, encoderHidden, latent, transitionHidden,
                decoderView, decoderHidden, unroll);
    }

    public ImplicitConfig withLatent(int z) {
        return new ImplicitConfig(frameSize, patch, tokenWidth, readout, encoderHidden, z, transitionHidden,
                decoderView, decoderHidden, unroll);
    }

    public Map<String, Object> toMap() {
        return ConfigJson.toMap(this);
    }

    public static ImplicitConfig fromMap(Map<String, Object> m) {
        return ConfigJson.fromMap(m, ImplicitConfig.class, "world model config lacks '%s'");
    }
}
