package org.reflectlab.core.store;

/** A model could not be saved or loaded; the message is meant for the user. */
public class ModelStoreException extends Exception {

    /** What went wrong, so callers can react (e.g. offer to retrain a missing model). */
    public enum Reason { MISSING_MODEL, BAD_MANIFEST, MISSING_FILE, TRUNCATED, CORRUPT, UNREADABLE, WRITE_FAILED, DISK_FULL, BAD_NAME, NOT_FINITE }

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
}
