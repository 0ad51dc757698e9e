package dev.surmbench.peft;

/**
 * A method option has a value outside its allowed range, an unknown name or a wrong type. The
 * message names the method, the field and what is allowed, so that a suite validator can attach
 * the file, line and column of the offending value.
 */
public final class InvalidMethodConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String field;

    public InvalidMethodConfigException(String method, String field, String message) {
        super("method '" + method + "', option '" + field + "': " + message);
        this.method = method;
        this.field = field;
    }

    /** The method name as users type it. */
    public String method() {
        return method;
    }

    /** The offending option (or {@code "method"} for an unknown method name). */
    public String field() {
        return field;
    }
}
