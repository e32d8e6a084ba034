package dev.apigw.security.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the text of a configuration file, bounded to {@link ConfigDocumentLoader#MAX_FILE_SIZE} before a byte
 * more is kept, and decoded as strict UTF-8 (RFC 8259 §8.1, and what YAML files are in practice).
 */
final class SourceText {

    private static final long MAX = ConfigDocumentLoader.MAX_FILE_SIZE.bytes();

    private SourceText() {
    }

    static String read(Path file) {
        String shown = Quoted.plain(file.toString(), 200);
        if (!Files.exists(file)) {
            throw new ConfigException(Pointer.ROOT, "cannot read " + shown + ": there is no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(Pointer.ROOT, "cannot read " + shown + ": it is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw unreadable(shown, e);
        }
    }

    /** Reads the stream up to the limit; it is not closed. */
    static String read(String source, InputStream in) {
        try {
            return decode(source, in.readNBytes((int) MAX + 1));
        } catch (IOException e) {
            throw unreadable(Quoted.plain(source, 200), e);
        }
    }

    static String decode(String source, byte[] bytes) {
        if (bytes.length > MAX) {
            throw new ConfigException(Pointer.ROOT, Quoted.plain(source, 200) + " is larger than "
                    + ConfigDocumentLoader.MAX_FILE_SIZE);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ConfigException(Pointer.ROOT, Quoted.plain(source, 200) + " is not UTF-8 text (at byte offset "
                    + in.position() + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ConfigException unreadable(String shown, IOException e) {
        return new ConfigException(List.of(new ConfigError(Pointer.ROOT,
                "cannot read " + shown + " (" + e.getClass().getSimpleName() + ")")), e);
    }
}
