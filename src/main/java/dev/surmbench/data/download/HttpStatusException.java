package dev.surmbench.data.download;

import java.io.IOException;
import java.net.URI;

/**
 * A server answered a download with a status that is not content. {@link #isRetryable Retryable}
 * statuses (5xx, 408, 429) fail one attempt; any other fails the download at once.
 */
public class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpStatusException(URI uri, int status) {
        super(isRetryable(status) ? "HTTP " + status + " for " + uri
                : "could not download " + uri + ": HTTP " + status + " (a client error, not retried)");
        this.status = status;
    }

    /** The HTTP status the server answered. */
    public int status() {
        return status;
    }

    /** True for a status another attempt may cure: a server error (5xx), 408 or 429. */
    public static boolean isRetryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }
}
