package dev.apigw.security.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written in the configuration file with a binary unit: {@code 512B}, {@code 64KiB},
 * {@code 1MiB} or {@code 1GiB}.
 *
 * <p>{@code KB}, {@code MB} and {@code GB} are refused rather than guessed: half the world reads them as powers of
 * 1000, the other half as powers of 1024, and a body limit that is 2.4% off is a bug nobody finds. The message says
 * so and names the binary unit to write instead.
 *
 * @param bytes the size in bytes, zero or more
 */
public record DataSize(long bytes) {

    /** What a size looks like; the JSON Schema's hint says the same. */
    static final String EXPECTED = "is not a size (write 512B, 64KiB, 1MiB or 1GiB)";

    private static final Pattern SHAPE = Pattern.compile("(0|[1-9][0-9]{0,17})(B|KiB|MiB|GiB)");
    private static final Pattern DECIMAL_UNIT = Pattern.compile("(0|[1-9][0-9]*)([kKmMgG][bB]?|[kKmMgG][iI][bB])");
    private static final long KIB = 1024;

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKibibytes(long kibibytes) {
        return new DataSize(Math.multiplyExact(kibibytes, KIB));
    }

    public static DataSize ofMebibytes(long mebibytes) {
        return new DataSize(Math.multiplyExact(mebibytes, KIB * KIB));
    }

    /**
     * The size {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the text and the units that are accepted
     */
    public static DataSize parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            if (DECIMAL_UNIT.matcher(text).matches()) {
                throw new InvalidValueException(text, EXPECTED
                        + "; KB, MB and GB are refused because they are read as 1000 or 1024, write KiB, MiB or GiB");
            }
            throw new InvalidValueException(text, EXPECTED);
        }
        long unit = switch (m.group(2)) {
            case "B" -> 1;
            case "KiB" -> KIB;
            case "MiB" -> KIB * KIB;
            default -> KIB * KIB * KIB;
        };
        try {
            return new DataSize(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        } catch (ArithmeticException overflow) {
            throw new InvalidValueException(text, "is too large (the largest is 8589934591GiB)");
        }
    }

    /** The size in the largest binary unit that divides it, e.g. {@code 64KiB}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        String[] units = {"GiB", "MiB", "KiB"};
        long[] factors = {KIB * KIB * KIB, KIB * KIB, KIB};
        for (int i = 0; i < units.length; i++) {
            if (bytes != 0 && bytes % factors[i] == 0) {
                return bytes / factors[i] + units[i];
            }
        }
        return bytes + "B";
    }
}
