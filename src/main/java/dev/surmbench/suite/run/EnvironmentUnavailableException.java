package dev.surmbench.suite.run;

/**
 * Something a run needs from this machine is missing or failing — data files, a backbone's weights,
 * the network for a download, disk space — as opposed to something the run itself did. Found by the
 * preflight ({@link Preflight}) before anything trains, or during a run; either way it is never
 * recorded as the run's result (the next invocation runs it), and the command stops with exit code 2
 * (it is bad input in the CLI's sense: one line, what is missing, where it looked and the fix).
 */
public final class EnvironmentUnavailableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EnvironmentUnavailableException(String message) {
        super(message);
    }

    public EnvironmentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code e} as an environment failure when it is one — itself, or a cause that is: no space left on
     * a device, a host that cannot be reached, a download that failed — else null (a failure of the run).
     */
    static EnvironmentUnavailableException of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EnvironmentUnavailableException env) {
                return env;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return new EnvironmentUnavailableException("out of disk space: " + message
                        + "; free space (or point SURM_CACHE_DIR / --out elsewhere) and run again — the run is not recorded", e);
            }
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || message.startsWith("could not download") || message.startsWith("cannot download")) {
                return new EnvironmentUnavailableException("network: " + e.getMessage()
                        + (t != e ? " (" + t.getMessage() + ")" : "")
                        + "; check the network (or place the files by hand, see docs/cli.md#data) and run again"
                        + " — the run is not recorded", e);
            }
        }
        return null;
    }
}
