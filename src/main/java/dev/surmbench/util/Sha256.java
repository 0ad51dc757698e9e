package dev.surmbench.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lowercase hex, the form recorded in checksum tables, run ids and provenance: of bytes,
 * of a string (UTF-8), of a file or a stream (read in pieces), or of content fed to a {@link
 * #newDigest()} piece by piece and finished with {@link #hex(MessageDigest)}.
 */
public final class Sha256 {

    private Sha256() {}

    /** The hex SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        return hex(newDigest(), bytes);
    }

    /** The hex SHA-256 of {@code text}'s UTF-8 bytes. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex SHA-256 of {@code file}'s bytes; an unreadable file is an {@link UncheckedIOException}. */
    public static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The hex SHA-256 of what remains in {@code in}, read to its end (the caller closes it). */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        feed(digest, in);
        return hex(digest);
    }

    /**
     * Feeds what remains in {@code in} to {@code digest} in pieces; any algorithm (a git blob's SHA-1
     * is a digest of a header and the file).
     */
    public static void feed(MessageDigest digest, InputStream in) throws IOException {
        in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
    }

    /** Completes {@code digest} and returns its hex value. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 digest, for content fed in pieces (finish it with {@link #hex(MessageDigest)}). */
    public static MessageDigest newDigest() {
        return newDigest("SHA-256");
    }

    /** A fresh digest of a JDK algorithm every Java platform has ({@code SHA-256}, {@code SHA-1}). */
    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static String hex(MessageDigest digest, byte[] bytes) {
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}
