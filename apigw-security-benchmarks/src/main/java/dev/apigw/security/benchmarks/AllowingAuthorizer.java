package dev.apigw.security.benchmarks;

import dev.apigw.security.CustomAuthorizer;

import java.util.Map;
import java.util.Set;

/** A custom authorizer that allows everyone; the benchmark measures the library's cache, not the plugin. */
public final class AllowingAuthorizer implements CustomAuthorizer {

    @Override
    public Answer authorize(Request request) {
        return Answer.allow("partner", Set.of("pets:read"), Map.of());
    }
}
