package org.reflectlab.core.store;

/**
 * Names of models, checkpoints and sweeps become folder names, so they must be plain names: one
 * folder, inside the folder they belong to. "../x", "a/b", "" and ".hidden" are not.
 */
public final class Names {

    public static final int MAX_LENGTH = 100;

    private Names() {
    }

    /** Why this is not a plain name, or null if it is. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "it is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (name.startsWith(".")) {
            return "it starts with a dot";
        }
        if (!name.equals(name.strip())) {
            return "it starts or ends with a space";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                return "it holds '" + (Character.isISOControl(c) ? "\\u" + String.format("%04x", (int) c) : String.valueOf(c))
                        + "' (a name is one folder, not a path)";
            }
        }
        return null;
    }

    /** Throws with "what 'name' is not a plain name: why" unless the name is plain. */
    public static String check(String name, String what) {
        String p = problem(name);
        if (p != null) {
            throw new IllegalArgumentException(what + " '" + (name == null ? "" : name) + "' is not a plain name: " + p + ".");
        }
        return name;
    }
}
