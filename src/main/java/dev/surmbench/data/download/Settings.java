package dev.surmbench.data.download;

/** Reads optional settings given as system properties or environment variables. */
public final class Settings {

    private Settings() {}

    /**
     * The first value that is really set: not null, not blank, and not an unresolved Maven
     * placeholder such as {@code ${env.GLUE_DIR}} (what surefire passes when the variable is unset).
     */
    public static String firstSet(String... values) {
        for (String value : values) {
            if (isSet(value)) {
                return value.trim();
            }
        }
        return null;
    }

    /** True when {@code value} is a real setting, see {@link #firstSet}. */
    public static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.trim().startsWith("${");
    }
}
