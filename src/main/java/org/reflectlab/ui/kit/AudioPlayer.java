package org.reflectlab.ui.kit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.reflectlab.core.data.AudioClip;

/** Plays a clip on the default sound device; call off the FX thread (it blocks while playing). */
public final class AudioPlayer {

    private AudioPlayer() {
    }

    public static void play(AudioClip clip) throws LineUnavailableException {
        AudioFormat format = new AudioFormat(clip.sampleRate(), 16, 2, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] pcm = clip.toPcm16();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (IllegalArgumentException e) {
            throw new LineUnavailableException("no audio output device: " + e.getMessage());
        }
    }
}
