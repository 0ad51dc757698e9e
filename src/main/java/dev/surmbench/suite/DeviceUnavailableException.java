package dev.surmbench.suite;

/**
 * A run asked for a device this machine's engine cannot give (bad input: exit code 2). The message is
 * one line: the device asked for, what the engine and driver report, and the fix.
 */
public final class DeviceUnavailableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
