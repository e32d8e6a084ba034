package dev.apigw.security.examples;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's data: pets in memory, keyed by id. Bounded so that a demo left running on a network cannot be filled up.
 */
final class PetStore {

    static final int MAX_PETS = 10_000;

    private final Map<Long, String> pets = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    PetStore() {
        add("Rex");
        add("Tom");
    }

    /** Adds a pet and returns its id, or -1 when the store is full. */
    long add(String name) {
        if (pets.size() >= MAX_PETS) {
            return -1;
        }
        long id = nextId.getAndIncrement();
        pets.put(id, name);
        return id;
    }

    String get(long id) {
        return pets.get(id);
    }

    boolean remove(long id) {
        return pets.remove(id) != null;
    }

    Map<Long, String> all() {
        return Map.copyOf(new ConcurrentHashMap<>(pets));
    }
}
