package dev.surmbench.model;

/**
 * A weight file could not be read or does not fit the model: a missing or unexpected tensor, a
 * shape or dtype mismatch, a truncated or malformed file. Always names the file and, where one is
 * concerned, the tensor; loads never fall back to a partial model.
 */
public class WeightLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String tensor;

    public WeightLoadException(String file, String tensor, String message) {
        this(file, tensor, message, null);
    }

    public WeightLoadException(String file, String tensor, String message, Throwable cause) {
        super(format(file, tensor, message), cause);
        this.file = file;
        this.tensor = tensor;
    }

    /**
     * {@code file} could not be read: the I/O error's reason on one line (a JSON error gives its line
     * and column rather than the parser's two-line message).
     */
    public static WeightLoadException cannotRead(String file, java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return new WeightLoadException(file, null, "not valid JSON at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr() + ": " + json.getOriginalMessage(), e);
        }
        return new WeightLoadException(file, null, "cannot read: " + e.getMessage(), e);
    }

    private static String format(String file, String tensor, String message) {
        return file + (tensor == null ? "" : ": tensor '" + tensor + "'") + ": " + message;
    }

    /** The file (or resource) that was being read. */
    public String file() {
        return file;
    }

    /** The tensor concerned, or null when the error is about the file as a whole. */
    public String tensor() {
        return tensor;
    }
}
