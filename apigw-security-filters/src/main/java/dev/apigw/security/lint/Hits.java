package dev.apigw.security.lint;

import java.util.ArrayList;
import java.util.List;

/** What one rule found in one configuration: pointers and messages, in the order found. */
final class Hits {

    /** One place a rule found. */
    record Hit(String pointer, String message) {
    }

    private final List<Hit> hits = new ArrayList<>();

    void add(String pointer, String message) {
        hits.add(new Hit(pointer, message));
    }

    List<Hit> all() {
        return hits;
    }
}
