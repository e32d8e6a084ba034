package dev.apigw.security.benchmarks;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Identity;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityExchange;

/**
 * A fixed {@link SecurityExchange} for benchmarks: one request, before authentication, on a matched route.
 *
 * @param request the request
 */
public record BenchmarkExchange(RequestView request) implements SecurityExchange {

    @Override
    public String requestId() {
        return "bench-request";
    }

    @Override
    public ClientAddress clientAddress() {
        return ClientAddress.unknown();
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
