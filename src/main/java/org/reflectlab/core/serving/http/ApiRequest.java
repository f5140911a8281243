package org.reflectlab.core.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.SceneInputs;

/**
 * A POST /v1/requests body, checked before anything reaches a worker: {@code from}, {@code to}, one
 * input ({@code caption}, {@code scene}, {@code image} as base64 PNG, {@code audio} as base64 WAV)
 * and an optional {@code deadline_ms}. Each problem is one {@link Problem} with its HTTP status.
 * Checked in two steps: {@link #parse} (the JSON, the route, the deadline, which input and whether it
 * can be one: cheap) before admission, {@link #payload} (base64, PNG or WAV decoding, a scene's
 * rendering or synthesis: what costs) only for a request admission lets run, so that a refusal under
 * overload costs no decoding.
 *
 * @param kind which input: caption, scene, image or audio
 * @param deadline null = the route's default
 */
record ApiRequest(Modality from, Modality to, String kind, JsonNode value, Duration deadline) {

    /** A request that cannot be served as sent: its HTTP status and a one-line reason. */
    static final class Problem extends RuntimeException {
        final int status;

        Problem(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    static final Set<String> FIELDS = Set.of("from", "to", "caption", "scene", "image", "audio", "deadline_ms");
    static final long MAX_DEADLINE_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    static ApiRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new Problem(400, "malformed JSON" + where + ": " + cut(e.getOriginalMessage(), 120));
        } catch (java.io.IOException e) {
            throw new Problem(400, "unreadable body: " + cut(e.getMessage(), 120));
        }
        if (root == null || !root.isObject()) {
            throw new Problem(400, "the body must be a JSON object, e.g. {\"from\":\"text\",\"to\":\"image\",\"caption\":\"a red circle\"}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new Problem(400, "unknown field '" + cut(f, 40) + "'; the fields are " + List.copyOf(new java.util.TreeSet<>(FIELDS)));
            }
        }
        Modality from = modality(root, "from");
        Modality to = modality(root, "to");
        List<String> given = root.properties().stream().map(java.util.Map.Entry::getKey)
                .filter(k -> Set.of("caption", "scene", "image", "audio").contains(k)).toList();
        if (given.size() != 1) {
            throw new Problem(400, "give exactly one input: 'caption' (text), 'scene' (0 to " + (SceneInputs.SCENES - 1)
                    + "), 'image' (base64 PNG) or 'audio' (base64 WAV); got " + (given.isEmpty() ? "none" : given));
        }
        String kind = given.get(0);
        JsonNode v = root.get(kind);
        switch (kind) {
            case "scene" -> {
                if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
                    throw new Problem(400, "'scene' is a whole number from 0 to " + (SceneInputs.SCENES - 1) + ", not " + cut(v.toString(), 20));
                }
                if (v.intValue() < 0 || v.intValue() >= SceneInputs.SCENES) {
                    throw new Problem(400, "scene " + v.intValue() + " does not exist: scenes are 0 to " + (SceneInputs.SCENES - 1));
                }
            }
            case "caption" -> caption(from, v);
            case "image" -> expect(from, Modality.IMAGE, v, "image");
            default -> expect(from, Modality.AUDIO, v, "audio");
        }
        Duration deadline = null;
        JsonNode d = root.get("deadline_ms");
        if (d != null) {
            if (!d.canConvertToExactIntegral() || d.asLong() < 1 || d.asLong() > MAX_DEADLINE_MS) {
                throw new Problem(400, "'deadline_ms' is a whole number of milliseconds from 1 to " + MAX_DEADLINE_MS + ", not " + cut(d.toString(), 20));
            }
            deadline = Duration.ofMillis(d.asLong());
        }
        return new ApiRequest(from, to, kind, v, deadline);
    }

    /** The input itself, decoded (a 400 {@link Problem} if it does not decode or has the wrong size or rate). */
    Payload payload(SceneInputs scenes, int imageSize) {
        return switch (kind) {
            case "scene" -> scenes.scene(from, value.intValue());
            case "caption" -> new Payload.Text(value.asText());
            case "image" -> image(from, bytes(value, "image"), imageSize);
            default -> audio(from, bytes(value, "audio"));
        };
    }

    /** An image or audio input must come with that 'from', as a base64 string; what it decodes to is checked later. */
    private static void expect(Modality from, Modality needs, JsonNode v, String field) {
        if (from != needs) {
            throw new Problem(400, "'" + field + "' is an " + field + " input, but 'from' is " + from.word());
        }
        if (!v.isTextual()) {
            throw new Problem(400, "'" + field + "' is a base64 string");
        }
    }

    private static Modality modality(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new Problem(400, "'" + field + "' is required: text, image or audio");
        }
        try {
            return Modality.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new Problem(404, "no route " + field + " '" + cut(n.asText(), 20) + "': routes go from text, image or audio to text, image or audio");
        }
    }

    private static void caption(Modality from, JsonNode v) {
        if (from != Modality.TEXT) {
            throw new Problem(400, "'caption' is a text input, but 'from' is " + from.word() + ": give 'scene' or '" + from.word() + "'");
        }
        if (!v.isTextual()) {
            throw new Problem(400, "'caption' is a string");
        }
        if (v.asText().length() > 500) {
            throw new Problem(400, "'caption' is " + v.asText().length() + " characters; captions are short (at most 500)");
        }
        ParseResult r = CaptionParser.parse(v.asText());
        if (!r.ok()) {
            throw new Problem(400, "caption not understood: " + r.error().message());
        }
    }

    private static byte[] bytes(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw new Problem(400, "'" + field + "' is a base64 string");
        }
        try {
            return Base64.getMimeDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "'" + field + "' is not valid base64");
        }
    }

    private static Payload image(Modality from, byte[] png, int size) {
        if (from != Modality.IMAGE) {
            throw new Problem(400, "'image' is an image input, but 'from' is " + from.word());
        }
        RgbImage img;
        try {
            img = Media.readPng(png);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, e.getMessage());
        }
        if (img.width() != size || img.height() != size) {
            throw new Problem(400, "the model reads " + size + "x" + size + " images, not " + img.width() + "x" + img.height());
        }
        return new Payload.Image(img);
    }

    private static Payload audio(Modality from, byte[] wav) {
        if (from != Modality.AUDIO) {
            throw new Problem(400, "'audio' is an audio input, but 'from' is " + from.word());
        }
        org.reflectlab.core.data.AudioClip clip;
        try {
            clip = Media.readWav(wav);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, e.getMessage());
        }
        if (clip.sampleRate() != org.reflectlab.core.data.SceneAudio.SAMPLE_RATE) {
            throw new Problem(400, "clips are read at " + org.reflectlab.core.data.SceneAudio.SAMPLE_RATE + " Hz, not " + clip.sampleRate());
        }
        return new Payload.Audio(clip);
    }

    /** Inputs are never echoed back at length. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }
}
