package org.reflectlab.core.serving;

import java.util.Locale;

/** What a request carries in or asks for out. */
public enum Modality {
    TEXT, IMAGE, AUDIO;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Modality parse(String s) {
        for (Modality m : values()) {
            if (m.word().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality '" + s + "': use text, image or audio");
    }
}
