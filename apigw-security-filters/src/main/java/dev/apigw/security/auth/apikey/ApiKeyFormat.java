package dev.apigw.security.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The format of new API keys, {@code apigw_} + 32 random base62 characters + a 6-character base62 CRC32 of the random
 * part (44 characters in all), after GitHub's token format.
 *
 * <p>Why: the fixed prefix lets secret scanners find a leaked key ({@link #SCANNER_PATTERN}) and tells a reader what
 * it is; 32 base62 characters carry about 190 bits from {@link SecureRandom}, so keys cannot be guessed and a plain
 * SHA-256 is a safe way to store them; the checksum lets {@link #looksValid} refuse typos and garbage before any
 * store lookup (it is not a signature: anyone can compute it, so it saves lookups, it does not authenticate).
 *
 * <p>Keys imported from elsewhere, without the prefix, still work when their hash is in the store; only keys that
 * carry the prefix are held to the checksum.
 */
public final class ApiKeyFormat {

    /** The prefix of every key this library creates. */
    public static final String PREFIX = "apigw_";

    /** A regular expression that matches keys of this format, for secret scanners and push protection. */
    public static final String SCANNER_PATTERN = "\\bapigw_[0-9A-Za-z]{38}\\b";

    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final ApiKeyFormat STANDARD = new ApiKeyFormat(new SecureRandom());

    private final SecureRandom random;

    private ApiKeyFormat(SecureRandom random) {
        this.random = random;
    }

    /** The format, drawing from a shared {@link SecureRandom} (which is thread-safe). */
    public static ApiKeyFormat standard() {
        return STANDARD;
    }

    /** A new key. Show it to its owner once and store only its hash. */
    public String generate() {
        String body = Base62.random(random, RANDOM_LENGTH);
        return PREFIX + body + checksum(body);
    }

    /** Whether the key claims to be of this format, valid or not. */
    public boolean hasPrefix(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    /** Whether the key is of this format with a correct checksum; one pass over at most 44 characters. */
    public boolean looksValid(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (!Base62.isDigit(key.charAt(i))) {
                return false;
            }
        }
        String body = key.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        return key.endsWith(checksum(body));
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.fixedWidth(crc.getValue(), CHECKSUM_LENGTH);
    }
}
