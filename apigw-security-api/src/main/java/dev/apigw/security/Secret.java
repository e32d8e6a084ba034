package dev.apigw.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (an HMAC key, a password) that never shows itself in {@code toString()}, a log or an error message.
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** Wraps the bytes of a secret; the array is copied. */
    public static Secret of(byte[] value) {
        return new Secret(Objects.requireNonNull(value, "value").clone());
    }

    /** Wraps a secret written as text, as its UTF-8 bytes. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A copy of the secret's bytes; the caller should not keep it longer than needed. */
    public byte[] reveal() {
        return value.clone();
    }

    /** The length in bits, for strength checks. */
    public int bits() {
        return value.length * 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && java.security.MessageDigest.isEqual(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
