package dev.apigw.security.validate;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The only place schemas are read from: files under the configuration's directory, at most {@link #MAX_FILE_SIZE}
 * each. Remote references ({@code http:}, {@code https:}) and files elsewhere are refused, so that compiling a schema
 * never fetches anything and never reads outside what the operator ships with the configuration.
 *
 * <p>The meta-schemas of the JSON Schema drafts ({@code json-schema.org}) are admitted too: the validator maps them to
 * copies inside its jar and never fetches them.
 */
final class LocalSchemaFiles implements ResourceLoader {

    /** The largest schema file read. */
    static final long MAX_FILE_SIZE = 1024 * 1024;

    private final Path base;

    LocalSchemaFiles(Path baseDirectory) {
        this.base = realPath(baseDirectory.toAbsolutePath().normalize());
    }

    /** Whether the schema loader may load this IRI at all; checked before any resolver or loader runs. */
    boolean admits(AbsoluteIri iri) {
        String text = iri.toString();
        String scheme = iri.getScheme() == null ? "" : iri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> inside(fileOf(text));
            case "classpath" -> true;
            case "http", "https" -> text.matches("https?://json-schema\\.org/draft(-0[467]|/2019-09|/2020-12)/.*");
            default -> false;
        };
    }

    @Override
    public InputStreamSource getResource(AbsoluteIri iri) {
        if (!"file".equalsIgnoreCase(iri.getScheme()) || !admits(iri)) {
            return null;
        }
        Path file = fileOf(iri.toString());
        return () -> read(file);
    }

    /** Resolves a reference from the configuration against the base directory; refuses a file outside it. */
    Path resolve(String reference) {
        Path file = base.resolve(reference).normalize();
        if (!inside(file)) {
            throw new IllegalArgumentException("the schema " + reference + " is outside the configuration's directory "
                    + base + " (put schemas beside the configuration, or write classpath:...)");
        }
        return file;
    }

    /** The bytes of a schema file, refusing a missing, irregular or oversized one with a message naming it. */
    static InputStream read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the schema file " + file + " does not exist or is not a regular file");
        }
        if (Files.size(file) > MAX_FILE_SIZE) {
            throw new IOException("the schema file " + file + " is larger than " + MAX_FILE_SIZE + " bytes");
        }
        return new ByteArrayInputStream(Files.readAllBytes(file));
    }

    private boolean inside(Path file) {
        return file != null && realPath(file).startsWith(base);
    }

    private static Path fileOf(String iri) {
        try {
            return Path.of(URI.create(iri)).normalize();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    /** Symbolic links are followed before the check, so a link cannot lead outside the directory. */
    private static Path realPath(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
