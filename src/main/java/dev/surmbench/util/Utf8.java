package dev.surmbench.util;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a text file stops being UTF-8. A buffered reader reports a bad byte only as "malformed
 * input" somewhere in its read-ahead; every reader of user files (suites, data, CSV) asks this class
 * for the real line and column so the message can point at it.
 */
public final class Utf8 {

    /** A 1-based line and column (counted in characters) in a text file. */
    public record Position(long line, long column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    private Utf8() {}

    /** The position of the first byte sequence in {@code file} that is not UTF-8, if any. */
    public static Optional<Position> firstMalformed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return firstMalformed(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The position of the first byte sequence in {@code bytes} that is not UTF-8, if any. */
    public static Optional<Position> firstMalformed(byte[] bytes) {
        try {
            return firstMalformed(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to read
        }
    }

    private static Optional<Position> firstMalformed(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.allocate(1 << 16);
        CharBuffer output = CharBuffer.allocate(1 << 16);
        long line = 1;
        long column = 1;
        boolean end = false;
        while (!end) {
            int n = in.read(input.array(), input.position(), input.remaining());
            end = n < 0;
            input.position(input.position() + Math.max(n, 0));
            input.flip();
            CoderResult result;
            do {
                output.clear();
                result = decoder.decode(input, output, end);
                output.flip();
                while (output.hasRemaining()) {
                    char c = output.get();
                    if (c == '\n') {
                        line++;
                        column = 1;
                    } else if (!Character.isLowSurrogate(c)) {
                        column++;
                    }
                }
                if (result.isError()) {
                    return Optional.of(new Position(line, column));
                }
            } while (result.isOverflow());
            input.compact();
        }
        return Optional.empty();
    }
}
