package dev.surmbench.data.download;

import java.io.IOException;

/** A downloaded or present file does not have its recorded SHA-256; nothing was installed. */
public class ChecksumMismatchException extends IOException {

    public ChecksumMismatchException(String file, String expected, String actual, String origin) {
        super("checksum mismatch for " + file + " from " + origin + ": expected sha256 " + expected + ", got "
                + actual + " — the download is corrupt or the upstream file changed; nothing was written to the"
                + " cache, retry, or check the source");
    }
}
