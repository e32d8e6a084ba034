package dev.apigw.security.config;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Loads a configuration file into a {@link GatewayConfig}: parsed with limits, the stage merged, placeholders
 * resolved, checked against the published JSON Schema, then built through the same builders code uses.
 *
 * <p>Every problem is a {@link ConfigException} naming the JSON pointer and what would be right; a value that came from
 * a placeholder is never printed.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads a YAML or JSON file, merging {@code stage} (or none when {@code null}). */
    public static GatewayConfig load(Path file, String stage) {
        return GatewayConfigReader.read(ConfigDocumentLoader.builder().stage(stage).build().load(file));
    }

    /** Loads from a stream (not closed); {@code sourceName} appears in messages and picks JSON by a {@code .json} end. */
    public static GatewayConfig load(InputStream in, String sourceName, String stage) {
        return GatewayConfigReader.read(ConfigDocumentLoader.builder().stage(stage).build().load(sourceName, in));
    }

    /** Loads through a loader set up by the caller (its own environment lookup, secret resolvers, stage). */
    public static GatewayConfig load(ConfigDocumentLoader loader, Path file) {
        return GatewayConfigReader.read(loader.load(file));
    }

    /** Builds the configuration of an already loaded document. */
    public static GatewayConfig read(ConfigDocument document) {
        return GatewayConfigReader.read(document);
    }
}
