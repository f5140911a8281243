package org.reflectlab.core.store;

/** A model could not be saved or loaded; the message is meant for the user. */
public class ModelStoreException extends Exception {

    /** What went wrong, so callers can react (e.g. offer to retrain a missing model). */
    public enum Reason { MISSING_MODEL, BAD_MANIFEST, MISSING_FILE, TRUNCATED, CORRUPT, UNREADABLE, WRITE_FAILED, DISK_FULL, BAD_NAME, NOT_FINITE,
        /** The models folder cannot take a model (a file, not writable, no room): bad input. */
        BAD_LOCATION,
        /** Another run is training a model of that name. */
        IN_USE }

    private final Reason reason;

    public ModelStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ModelStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Refuses to save weights that hold NaN or infinite values (a diverged run). */
    public static void requireFinite(String name, boolean nonFinite) throws ModelStoreException {
        if (nonFinite) {
            throw new ModelStoreException(Reason.NOT_FINITE, "Not saved as '" + name + "': some weights are not finite (NaN or "
                    + "infinite). Training diverged; a model saved earlier under that name is unchanged.");
        }
    }

    /** A manifest configuration that could not be read: our own messages say what is wrong, anything else is summed up. */
    public static ModelStoreException unreadableConfig(String name, RuntimeException e) {
        String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                : "a value is missing or of the wrong type";
        return new ModelStoreException(Reason.BAD_MANIFEST, "Model '" + name + "' has an unreadable configuration: " + why + ".", e);
    }

    /** The configuration section {@code config.<key>} of a manifest, which must be an object. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> section(Manifest m, String name, String key) throws ModelStoreException {
        if (!(m.config().get(key) instanceof java.util.Map<?, ?> section)) {
            throw new ModelStoreException(Reason.BAD_MANIFEST, "Model '" + name + "' has no " + key
                    + " configuration in its manifest (config." + key + " is missing).");
        }
        return (java.util.Map<String, Object>) section;
    }
}
