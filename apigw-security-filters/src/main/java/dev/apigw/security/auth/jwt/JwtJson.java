package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.io.DeserializationException;
import io.jsonwebtoken.io.Deserializer;
import io.jsonwebtoken.io.SerializationException;
import io.jsonwebtoken.io.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;

/**
 * jjwt's JSON reader and writer on Jackson 3, so that the library carries one Jackson major (jjwt-jackson is
 * Jackson 2).
 *
 * <p>Strict on purpose: a duplicate member is an error rather than "last one wins", because two parsers reading
 * {@code {"sub":"a","sub":"b"}} differently is a classic JWT confusion (RFC 7515 §5.2, RFC 8725 §3.9); nesting is
 * bounded; nothing may follow the object. Error messages never carry the input, so no token part ends up in a log.
 */
final class JwtJson implements Deserializer<Map<String, ?>>, Serializer<Map<String, ?>> {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int MAX_NESTING = 32;

    private final JsonMapper mapper;

    JwtJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Reads one JSON object; a {@link DeserializationException} without the input when it is not one. */
    Map<String, Object> read(byte[] bytes) {
        try {
            return mapper.readValue(bytes, MAP);
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /** Writes a map as JSON. */
    byte[] write(Map<String, ?> value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    /** @deprecated jjwt's own deprecation; jjwt calls {@link #deserialize(Reader)}. */
    @Deprecated
    @Override
    public Map<String, ?> deserialize(byte[] bytes) {
        return read(bytes);
    }

    @Override
    public Map<String, ?> deserialize(Reader reader) {
        try {
            return mapper.readValue(reader, MAP);
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /** @deprecated jjwt's own deprecation; jjwt calls {@link #serialize(Map, OutputStream)}. */
    @Deprecated
    @Override
    public byte[] serialize(Map<String, ?> value) {
        return write(value);
    }

    @Override
    public void serialize(Map<String, ?> value, OutputStream out) {
        try {
            mapper.writeValue(out, value);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    // The cause is left out: Jackson's message may quote the input.
    private static DeserializationException invalid(JacksonException e) {
        return new DeserializationException("not a valid JSON object (" + e.getClass().getSimpleName() + ")");
    }
}
