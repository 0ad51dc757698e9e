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
