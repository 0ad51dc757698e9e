package dev.surmbench.artifact;

/**
 * An adapter or export folder that cannot be used: a missing, truncated or tampered file, a field
 * out of place, tensors that do not fit the model, or a method a format cannot express. The message
 * is one line naming the file (and field or tensor) and what to do; the command line reports it
 * with exit code 2.
 */
public class AdapterFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AdapterFormatException(String message) {
        super(message);
    }

    public AdapterFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
