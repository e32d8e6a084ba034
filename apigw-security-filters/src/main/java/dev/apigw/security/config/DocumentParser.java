package dev.apigw.security.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLSchema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of a configuration file, YAML or JSON, into a tree, refusing what could hurt or mislead.
 *
 * <p>Refused: nesting deeper than {@value #MAX_DEPTH} levels (a stack-exhausting {@code [[[[...]]]]}), duplicate
 * keys (which of two {@code requireHttps} wins should never be a question), YAML aliases and the anchors the
 * parser reports on objects and lists (the "billion laughs" expansion; Jackson would also silently read an alias
 * as its anchor's name), and more than one document.
 * YAML follows the 1.2 JSON schema: only {@code true}, {@code false} and {@code null} are literals, so {@code yes},
 * {@code on} and {@code 010} stay text and the schema says so. Files named {@code .json} are read as strict JSON;
 * everything else as YAML, which reads JSON too.
 */
final class DocumentParser {

    static final int MAX_DEPTH = 64;

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(ConfigDocumentLoader.MAX_FILE_SIZE.bytes())
            .build();

    private final ObjectMapper yaml = YAMLMapper.builder(YAMLFactory.builder()
                    .yamlSchema(YAMLSchema.JSON)
                    .loadSettings(LoadSettings.builder()
                            .setAllowDuplicateKeys(false)
                            .setCodePointLimit((int) ConfigDocumentLoader.MAX_FILE_SIZE.bytes())
                            .build())
                    .streamReadConstraints(LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    /**
     * @throws ConfigException with the pointer of the node being read and the line and column of the problem
     */
    JsonNode parse(String source, String text) {
        boolean isJson = source.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = isJson ? json : yaml;
        String format = isJson ? "JSON" : "YAML";
        scan(mapper, text, format);
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException(Pointer.ROOT, "cannot parse " + format + ": " + problem(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ConfigException(Pointer.ROOT, "the file is empty (it needs at least version: 1)");
        }
        return tree;
    }

    /** A first pass over the tokens, for what a tree no longer shows: aliases, anchors, a second document. */
    private static void scan(ObjectMapper mapper, String text, String format) {
        try (JsonParser p = mapper.createParser(text)) {
            int depth = 0;
            int documents = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (depth == 0 && (t.isStructStart() || t.isScalarValue()) && ++documents > 1) {
                    throw refusal(p, "the file holds more than one document (remove the second --- or what"
                            + " follows the first document)");
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
                    throw refusal(p, "YAML anchors and aliases (&name, *name) are not supported; write the value"
                            + " out, or use stages and defaults");
                }
            }
        } catch (ConfigException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new ConfigException(Pointer.ROOT, "the file nests deeper than " + MAX_DEPTH + " levels");
        } catch (JacksonException e) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            String message = duplicate.matches()
                    ? "duplicate key " + Quoted.of(duplicate.group(1)) + where(tokenLocation(e))
                    : "cannot parse " + format + ": " + problem(e);
            throw new ConfigException(pointerOf(e), message);
        }
    }

    private static ConfigException refusal(JsonParser p, String message) {
        return new ConfigException(p.streamReadContext().pathAsPointer().toString(),
                message + where(p.currentTokenLocation()));
    }

    private static String pointerOf(JacksonException e) {
        return e.processor() instanceof JsonParser p ? p.streamReadContext().pathAsPointer().toString() : Pointer.ROOT;
    }

    /** Where the offending token starts; the exception's own location is where the parser stopped after it. */
    private static TokenStreamLocation tokenLocation(JacksonException e) {
        return e.processor() instanceof JsonParser p ? p.currentTokenLocation() : e.getLocation();
    }

    /** The parser's complaint in one bounded, escaped line, without its excerpt of the file. */
    private static String problem(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            String where = yaml.getProblemMark()
                    .map(DocumentParser::where)
                    .orElse(where(e.getLocation()));
            return Quoted.plain(yaml.getProblem(), 200) + where;
        }
        String first = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        return Quoted.plain(first, 200) + where(e.getLocation());
    }

    private static String where(Mark mark) {
        return " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
