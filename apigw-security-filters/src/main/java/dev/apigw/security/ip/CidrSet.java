package dev.apigw.security.ip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable set of CIDR ranges that answers, in O(log n), whether an address falls in one of them and which.
 *
 * <p>IPv4 and IPv6 ranges are kept apart, and an IPv4-mapped IPv6 address is looked up as IPv4 (RFC 4291 §2.5.5.2),
 * so {@code ::ffff:10.1.2.3} is in {@code 10.0.0.0/8} and never in {@code ::/0}. Two CIDR ranges are either disjoint
 * or nested, so the set drops every range that lies inside another when it is built; what remains is sorted and
 * disjoint, and a binary search finds the only range that can match. A lookup allocates nothing beyond the copy of
 * the address bytes that {@link InetAddress#getAddress()} makes.
 */
public final class CidrSet {

    private static final Comparator<Cidr> BY_FIRST_THEN_WIDEST = (a, b) -> {
        int byFirst = compare(a.firstHigh(), a.firstLow(), b.firstHigh(), b.firstLow());
        return byFirst != 0 ? byFirst : Integer.compare(a.prefixLength(), b.prefixLength());
    };
    private static final CidrSet EMPTY = new CidrSet(List.of());

    private final List<Cidr> ranges;
    private final Cidr[] ipv4;
    private final Cidr[] ipv6;

    private CidrSet(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
        this.ipv4 = outermost(this.ranges, true);
        this.ipv6 = outermost(this.ranges, false);
    }

    /** The set of no range, which contains no address. */
    public static CidrSet empty() {
        return EMPTY;
    }

    /** The set of the given ranges. */
    public static CidrSet of(Collection<Cidr> ranges) {
        return ranges.isEmpty() ? EMPTY : new CidrSet(List.copyOf(ranges));
    }

    /**
     * Parses each text with {@link Cidr#parse}.
     *
     * @throws IllegalArgumentException for the first text that is not a range, naming its index
     */
    public static CidrSet parse(Collection<String> texts) {
        List<Cidr> ranges = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text == null) {
                throw new IllegalArgumentException("[" + ranges.size() + "]: a range must not be null");
            }
            try {
                ranges.add(Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[" + ranges.size() + "]: " + e.getMessage(), e);
            }
        }
        return of(ranges);
    }

    /** Whether the address is in one of the ranges; {@code false} for {@code null}. */
    public boolean contains(InetAddress address) {
        return match(address) != null;
    }

    /** A range that contains the address, or {@code null}; where ranges nest, the outermost one. */
    public Cidr match(InetAddress address) {
        if (address == null) {
            return null;
        }
        byte[] bytes = address.getAddress();
        if (AddressBits.isIpv4(bytes)) {
            return find(ipv4, 0, AddressBits.ipv4(bytes));
        }
        return find(ipv6, AddressBits.high(bytes), AddressBits.low(bytes));
    }

    /** Whether the set has no range. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The ranges as given, in order. */
    public List<Cidr> ranges() {
        return ranges;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    /** The last range starting at or before the address, if the address is also not beyond its end. */
    private static Cidr find(Cidr[] sorted, long high, long low) {
        int lo = 0;
        int hi = sorted.length - 1;
        int candidate = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(sorted[mid].firstHigh(), sorted[mid].firstLow(), high, low) <= 0) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (candidate < 0) {
            return null;
        }
        Cidr range = sorted[candidate];
        return compare(high, low, range.lastHigh(), range.lastLow()) <= 0 ? range : null;
    }

    private static Cidr[] outermost(List<Cidr> ranges, boolean ipv4) {
        Cidr[] family = ranges.stream().filter(c -> c.isIpv4() == ipv4).sorted(BY_FIRST_THEN_WIDEST)
                .toArray(Cidr[]::new);
        int kept = 0;
        for (Cidr range : family) {
            // Sorted by start, widest first: a range that starts inside the last kept one is nested in it.
            if (kept == 0 || compare(range.firstHigh(), range.firstLow(),
                    family[kept - 1].lastHigh(), family[kept - 1].lastLow()) > 0) {
                family[kept++] = range;
            }
        }
        return Arrays.copyOf(family, kept);
    }

    /** Compares two unsigned 128-bit numbers. */
    private static int compare(long highA, long lowA, long highB, long lowB) {
        int byHigh = Long.compareUnsigned(highA, highB);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(lowA, lowB);
    }
}
