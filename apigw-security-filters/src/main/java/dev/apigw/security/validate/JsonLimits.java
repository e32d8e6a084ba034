package dev.apigw.security.validate;

/**
 * The limits a JSON body meets before any schema looks at it, enforced by the streaming parser as it reads (Jackson's
 * {@code StreamReadConstraints}), so that a hostile document fails early and in bounded memory.
 *
 * @param maxDepth            the deepest nesting of arrays and objects (1 to 1000)
 * @param maxStringLength     the longest string value or property name, in characters
 * @param maxNumberLength     the longest number, in characters
 * @param rejectDuplicateKeys whether an object may name a property twice (RFC 8259 §4 leaves it undefined which one
 *                            wins, so two readers may disagree: refusing is the safe reading)
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxNumberLength, boolean rejectDuplicateKeys) {

    /** Depth 32, strings of 64 Ki characters, numbers of 100 characters, duplicate keys refused. */
    public static final JsonLimits DEFAULTS = new JsonLimits(32, 64 * 1024, 100, true);

    public JsonLimits {
        if (maxDepth < 1 || maxDepth > 1000) {
            throw new IllegalArgumentException("maxDepth must be from 1 to 1000, not " + maxDepth);
        }
        if (maxStringLength < 1) {
            throw new IllegalArgumentException("maxStringLength must be 1 or more, not " + maxStringLength);
        }
        if (maxNumberLength < 1 || maxNumberLength > 1000) {
            throw new IllegalArgumentException("maxNumberLength must be from 1 to 1000, not " + maxNumberLength);
        }
    }

    /** These limits with another depth. */
    public JsonLimits withMaxDepth(int depth) {
        return new JsonLimits(depth, maxStringLength, maxNumberLength, rejectDuplicateKeys);
    }

    /** These limits with another string length. */
    public JsonLimits withMaxStringLength(int characters) {
        return new JsonLimits(maxDepth, characters, maxNumberLength, rejectDuplicateKeys);
    }

    /** These limits with duplicate keys refused or not. */
    public JsonLimits withRejectDuplicateKeys(boolean reject) {
        return new JsonLimits(maxDepth, maxStringLength, maxNumberLength, reject);
    }
}
