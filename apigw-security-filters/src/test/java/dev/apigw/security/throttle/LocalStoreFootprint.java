package dev.apigw.security.throttle;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Identity;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;
import dev.apigw.security.testing.FakeRequest;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * Measures the local store's memory: bytes per tracked key, and the heap after 5 million distinct IPv6 clients
 * (each in its own /64) pass a throttled public route with the default {@code maxKeys}. Numbers for
 * docs/BENCHMARKS.md; run with the command written there.
 *
 * <p>The flood runs on a clock that stands still, the attacker's best case: no bucket ever refills, so none can be
 * dropped as full and the store must evict live buckets to stay within {@code maxKeys}.
 */
public final class LocalStoreFootprint {

    private LocalStoreFootprint() {
    }

    public static void main(String[] args) throws Exception {
        long keys = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long clients = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000;
        System.out.printf("java %s, %s, -Xmx %d MiB%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20);
        perKey(keys);
        flood(clients, StoreSettings.DEFAULT_MAX_KEYS);
    }

    private static void perKey(long keys) {
        long before = usedAfterGc();
        LocalBucketStore store = new LocalBucketStore(keys, Clock.systemUTC());
        Limit limit = Limit.of("anonymous", "anonymous", RateLimit.of(Rate.perSecond(10), 20));
        for (long i = 0; i < keys; i++) {
            store.tryConsume(new BucketKey(BucketKey.Space.ADDRESS, limit.id(), slash64(i)), limit);
        }
        long after = usedAfterGc();
        System.out.printf("%,d keys tracked: %,d bytes retained, %,d bytes per key (key, map entry, bucket)%n",
                store.size(BucketKey.Space.ADDRESS), after - before, (after - before) / keys);
        store.close();
    }

    private static void flood(long clients, long maxKeys) throws UnknownHostException {
        Clock frozen = Clock.fixed(java.time.Instant.parse("2026-11-24T10:00:00Z"), java.time.ZoneOffset.UTC);
        Throttling throttling = new Throttling(ThrottleSettings.builder()
                .anonymous(RateLimit.of(Rate.perSecond(10), 20)).build(),
                new LocalBucketStore(maxKeys, frozen), frozen);
        SecurityControl route = throttling.control("GET /pets", RateLimit.of(Rate.perSecond(20), 40));
        RequestView request = FakeRequest.get("/pets").build();
        long before = usedAfterGc();
        long start = System.nanoTime();
        byte[] b = new byte[16];
        b[0] = 0x20;
        b[1] = 0x01;
        b[2] = 0x0d;
        b[3] = (byte) 0xb8;
        for (long i = 0; i < clients; i++) {
            for (int k = 0; k < 4; k++) {
                b[7 - k] = (byte) (i >>> (8 * k));
            }
            b[15] = 1;
            ClientAddress client = ClientAddress.of(InetAddress.getByAddress(b));
            route.decide(new Exchange(request, client));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        LocalBucketStore store = (LocalBucketStore) throttling.store();
        System.out.printf("%,d distinct /64 clients in %.1f s (%,.0f requests/s on one thread), maxKeys %,d:"
                        + " %,d address keys held, heap in use %,d MiB (%,d MiB more than before)%n",
                clients, seconds, clients / seconds, maxKeys, store.size(BucketKey.Space.ADDRESS),
                after >> 20, (after - before) >> 20);
        throttling.close();
    }

    private static String slash64(long i) {
        return "2001:db8:" + Long.toHexString(i >>> 16 & 0xffff) + ":" + Long.toHexString(i & 0xffff) + "::/64";
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The smallest exchange: a public request from one client. */
    private record Exchange(RequestView request, ClientAddress clientAddress) implements SecurityExchange {
        @Override
        public String requestId() {
            return "footprint";
        }

        @Override
        public String routeTemplate() {
            return "/pets";
        }

        @Override
        public Identity identity() {
            return Identity.anonymous();
        }

        @Override
        public boolean https() {
            return true;
        }
    }
}
