package dev.apigw.security.ip;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the literal parser over random and mutated input; seeded, so a failure repeats. */
class IpLiteralFuzzTest {

    private static final String ALPHABET = "0123456789abcdefABCDEFx:.[]%/ -+g\u0000\u0661\uff11";

    @Test
    void roundTripsRandomAddressesInEveryForm() throws Exception {
        Random random = new Random(7239);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            zeroSomeGroups(random, bytes);
            InetAddress address = InetAddress.getByAddress(bytes);
            String canonical = IpLiteral.format(address);
            assertThat(IpLiteral.parse(canonical)).as(canonical).contains(address);
            assertThat(IpLiteral.parse(address.getHostAddress())).as(address.getHostAddress()).contains(address);
            if (bytes.length == 16) {
                assertThat(IpLiteral.parse("[" + canonical.toUpperCase() + "]")).contains(address);
                assertThat(IpLiteral.parse(withIpv4Tail(bytes))).as(withIpv4Tail(bytes)).contains(address);
            }
        }
    }

    @Test
    void mapsEveryIpv4MappedAddressToIpv4() throws Exception {
        Random random = new Random(4291);
        for (int n = 0; n < 5_000; n++) {
            byte[] ipv4 = new byte[4];
            random.nextBytes(ipv4);
            String dotted = InetAddress.getByAddress(ipv4).getHostAddress();
            assertThat(IpLiteral.parse("::ffff:" + dotted)).get().isInstanceOf(Inet4Address.class)
                    .extracting(InetAddress::getHostAddress).isEqualTo(dotted);
        }
    }

    @Test
    void neverThrowsOnGarbageAndAcceptsOnlyWhatRoundTrips() {
        Random random = new Random(5952);
        for (int n = 0; n < 200_000; n++) {
            String text = n % 2 == 0 ? randomText(random) : mutate(random, seed(random));
            Optional<InetAddress> parsed = IpLiteral.parse(text);
            parsed.ifPresent(address -> {
                // Whatever is accepted means one address: its canonical text parses back to it.
                assertThat(IpLiteral.parse(IpLiteral.format(address))).as(text).contains(address);
                assertThat(text).as("accepted %s", text).doesNotContain("%", " ", "/", "x", "g");
            });
        }
    }

    private static String seed(Random random) {
        String[] seeds = {"192.0.2.1", "2001:db8::1", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8", "[::1]",
            "1:2:3:4:5:6:1.2.3.4", "::", "255.255.255.255"};
        return seeds[random.nextInt(seeds.length)];
    }

    private static String mutate(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(out.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, c);
                case 1 -> { if (at < out.length()) out.deleteCharAt(at); }
                default -> { if (at < out.length()) out.setCharAt(at, c); }
            }
        }
        return out.toString();
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(50); i > 0; i--) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static void zeroSomeGroups(Random random, byte[] bytes) {
        int start = random.nextInt(bytes.length);
        int length = random.nextInt(bytes.length - start + 1);
        if (random.nextBoolean()) {
            java.util.Arrays.fill(bytes, start, start + length, (byte) 0);
        }
    }

    private static String withIpv4Tail(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 6; g++) {
            out.append(Integer.toHexString(((bytes[2 * g] & 0xff) << 8) | (bytes[2 * g + 1] & 0xff))).append(':');
        }
        return out.append(bytes[12] & 0xff).append('.').append(bytes[13] & 0xff).append('.')
                .append(bytes[14] & 0xff).append('.').append(bytes[15] & 0xff).toString();
    }
}
