package dev.apigw.security.ip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.apigw.security.ip.CidrTest.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrSetTest {

    private static final CidrSet SET = CidrSet.parse(List.of(
            "10.0.0.0/8", "10.1.0.0/16", "192.0.2.0/24", "192.0.2.7", "198.51.100.0/25", "198.51.100.128/25",
            "2001:db8::/32", "2001:db8:1::/48", "fd00::/8", "::1"));

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        "10.0.0.0, 10.0.0.0/8",
        "10.1.2.3, 10.0.0.0/8",
        "10.255.255.255, 10.0.0.0/8",
        "::ffff:10.1.2.3, 10.0.0.0/8",
        "192.0.2.7, 192.0.2.0/24",
        "192.0.2.255, 192.0.2.0/24",
        "198.51.100.127, 198.51.100.0/25",
        "198.51.100.128, 198.51.100.128/25",
        "2001:db8:1::5, 2001:db8::/32",
        "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, 2001:db8::/32",
        "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, fd00::/8",
        "::1, ::1/128"})
    void matchesTheOutermostRange(String address, String range) {
        assertThat(SET.match(address(address))).hasToString(range);
        assertThat(SET.contains(address(address))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"9.255.255.255", "11.0.0.0", "192.0.1.255", "192.0.3.0", "198.51.101.0", "2001:db7:ffff::",
        "2001:db9::", "fc00::", "fe00::", "::", "::2", "::a00:1", "0.0.0.1", "255.255.255.255"})
    void matchesNothingOutsideTheRanges(String address) {
        assertThat(SET.match(address(address))).isNull();
        assertThat(SET.contains(address(address))).isFalse();
    }

    @Test
    void keepsIpv4AndIpv6Apart() {
        CidrSet allIpv6 = CidrSet.parse(List.of("::/0"));
        assertThat(allIpv6.contains(address("10.0.0.1"))).isFalse();
        assertThat(allIpv6.contains(address("::ffff:10.0.0.1"))).isFalse();
        CidrSet allIpv4 = CidrSet.parse(List.of("0.0.0.0/0"));
        assertThat(allIpv4.contains(address("::ffff:10.0.0.1"))).isTrue();
        assertThat(allIpv4.contains(address("::1"))).isFalse();
    }

    @Test
    void emptySetContainsNothing() {
        assertThat(CidrSet.empty().contains(address("10.0.0.1"))).isFalse();
        assertThat(CidrSet.empty().isEmpty()).isTrue();
        assertThat(CidrSet.parse(List.of())).isSameAs(CidrSet.empty());
        assertThat(SET.contains(null)).isFalse();
    }

    @Test
    void keepsTheRangesAsGiven() {
        assertThat(SET.ranges()).hasSize(10).first().hasToString("10.0.0.0/8");
        assertThat(SET.isEmpty()).isFalse();
    }

    @Test
    void namesTheIndexOfAnInvalidRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> CidrSet.parse(List.of("10.0.0.0/8", "10.0.0.1/8")))
                .withMessage("[1]: 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?");
        List<String> withNull = new ArrayList<>(List.of("10.0.0.0/8"));
        withNull.add(null);
        assertThatIllegalArgumentException().isThrownBy(() -> CidrSet.parse(withNull))
                .withMessage("[1]: a range must not be null");
    }

    @Test
    void agreesWithCheckingEveryRangeOnRandomInput() throws Exception {
        Random random = new Random(4632);
        for (int round = 0; round < 300; round++) {
            boolean ipv4 = random.nextBoolean();
            List<Cidr> ranges = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                ranges.add(randomRange(random, ipv4));
            }
            CidrSet set = CidrSet.of(ranges);
            for (int probe = 0; probe < 300; probe++) {
                InetAddress address = probe % 2 == 0 && !ranges.isEmpty()
                        ? near(random, ranges.get(random.nextInt(ranges.size())))
                        : InetAddress.getByAddress(randomBytes(random, ipv4 ? 4 : 16));
                boolean expected = ranges.stream().anyMatch(r -> r.contains(address));
                assertThat(set.contains(address)).as("%s in %s", address, ranges).isEqualTo(expected);
                if (expected) {
                    assertThat(set.match(address).contains(address)).isTrue();
                }
            }
        }
    }

    private static Cidr randomRange(Random random, boolean ipv4) throws Exception {
        byte[] bytes = randomBytes(random, ipv4 ? 4 : 16);
        // Few leading bits vary, so that ranges nest and touch often.
        for (int i = 1; i < bytes.length; i++) {
            bytes[i] = random.nextInt(4) == 0 ? bytes[i] : 0;
        }
        bytes[0] = (byte) (random.nextInt(4) << 6);
        int max = ipv4 ? 32 : 128;
        int prefix = random.nextInt(max + 1);
        return Cidr.parse(IpLiteral.format(InetAddress.getByAddress(masked(bytes, prefix))) + "/" + prefix);
    }

    /** An address at, just inside or just outside one end of the range. */
    private static InetAddress near(Random random, Cidr range) throws Exception {
        byte[] bytes = range.network().getAddress();
        if (random.nextBoolean()) {
            for (int bit = range.prefixLength(); bit < bytes.length * 8; bit++) {
                bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        int step = random.nextInt(3) - 1;
        for (int i = bytes.length - 1; i >= 0 && step != 0; i--) {
            int value = (bytes[i] & 0xff) + step;
            bytes[i] = (byte) value;
            step = value < 0 ? -1 : value > 255 ? 1 : 0;
        }
        return InetAddress.getByAddress(bytes);
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return bytes;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = (byte) (bytes[0] & 0xc0);
        return bytes;
    }
}
