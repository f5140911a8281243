package org.reflectlab.core.serving;

import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.RgbImage;

/** Data that crosses a worker: a caption, an image, a clip, or the shared latent between two workers. */
public sealed interface Payload extends ClusterMessage {

    Modality modality();

    record Text(String text) implements Payload {
        @Override
        public Modality modality() {
            return Modality.TEXT;
        }
    }

    record Image(RgbImage image) implements Payload {
        @Override
        public Modality modality() {
            return Modality.IMAGE;
        }
    }

    record Audio(AudioClip clip) implements Payload {
        @Override
        public Modality modality() {
            return Modality.AUDIO;
        }
    }

    /** The unified model's shared latent: what an encoding worker hands to a decoding one. */
    record Latent(float[] z) implements Payload {
        @Override
        public Modality modality() {
            return null;
        }
    }
}
