package org.reflectlab.core.aphasia;

/**
 * The ways an image comes back. ORIGINAL is the true render itself: the judge reading it gives the
 * ceiling the judge allows (its own error rate), not a model result.
 */
public enum Route {
    ORIGINAL("original", "the true render (judge ceiling)"),
    VISUAL("visual", "image -> image latent -> image decoder"),
    TEXTUAL("textual", "image -> caption the model reads -> text latent -> image decoder");

    private final String label;
    private final String path;

    Route(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }
}
