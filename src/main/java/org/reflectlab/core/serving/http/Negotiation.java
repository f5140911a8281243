package org.reflectlab.core.serving.http;

import java.util.Locale;
import org.reflectlab.core.serving.Modality;

/**
 * Content negotiation for an answer: the output's own type (image/png, audio/wav, text/plain) or
 * JSON (the output in base64 or as a caption, with notes and timings), by the client's Accept
 * header and its q-values. Neither acceptable: 406, before any work is done.
 */
final class Negotiation {

    enum Choice { NATIVE, JSON }

    private Negotiation() {
    }

    static String nativeType(Modality out) {
        return switch (out) {
            case TEXT -> "text/plain";
            case IMAGE -> "image/png";
            case AUDIO -> "audio/wav";
        };
    }

    static Choice choose(String accept, Modality out) {
        String own = nativeType(out);
        double qOwn = quality(accept, own);
        double qJson = quality(accept, "application/json");
        if (qOwn <= 0 && qJson <= 0) {
            throw new ApiRequest.Problem(406, "this route answers " + own + " or application/json; Accept: " + ApiRequest.cut(accept, 80)
                    + " allows neither");
        }
        return qOwn >= qJson ? Choice.NATIVE : Choice.JSON;
    }

    /** The q-value the Accept header gives this media type: the most specific matching range wins (RFC 9110). */
    static double quality(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return 1;
        }
        String main = type.substring(0, type.indexOf('/'));
        double q = 0;
        int best = -1;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String range = bits[0].trim().toLowerCase(Locale.ROOT);
            int specificity = range.equals(type) || (type.equals("audio/wav") && range.equals("audio/x-wav")) ? 2
                    : range.equals(main + "/*") ? 1 : range.equals("*/*") ? 0 : -1;
            if (specificity < 0 || specificity < best) {
                continue;
            }
            double value = 1;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        value = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        value = 0;
                    }
                }
            }
            best = specificity;
            q = value;
        }
        return q;
    }
}
