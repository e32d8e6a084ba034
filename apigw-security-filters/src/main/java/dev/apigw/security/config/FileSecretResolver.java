package dev.apigw.security.config;

import dev.apigw.security.SecretResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves {@code ${file:PATH}} to the file's UTF-8 text, with one trailing line break removed (editors add one;
 * a key or password never ends with it). Relative paths are read against the configuration file's directory.
 *
 * <p>Only regular files of at most {@value #MAX_BYTES} bytes are read: a FIFO would block start-up forever and
 * {@code /dev/zero} would never end. A missing file is "not defined", so that {@code ${file:PATH:-default}} works.
 */
final class FileSecretResolver implements SecretResolver {

    static final int MAX_BYTES = 64 * 1024;

    private final Path base;

    FileSecretResolver(Path base) {
        this.base = base;
    }

    @Override
    public String scheme() {
        return "file";
    }

    /** The absolute file a reference names. */
    Path locate(String reference) {
        try {
            return base.resolve(reference).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new PlaceholderFailure("is not a usable path");
        }
    }

    @Override
    public Optional<String> resolve(String reference) {
        Path file = locate(reference);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String shown = Quoted.plain(file.toString(), 200);
        if (!Files.isRegularFile(file)) {
            throw new PlaceholderFailure("cannot be read: " + shown + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new PlaceholderFailure("cannot be read: " + shown + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new PlaceholderFailure("cannot be read: " + shown + " is larger than 64KiB");
        }
        return Optional.of(trimOneLineBreak(utf8(bytes, shown)));
    }

    private static String utf8(byte[] bytes, String shown) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PlaceholderFailure("cannot be read: " + shown + " is not UTF-8 text");
        }
    }

    private static String trimOneLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
