package dev.apigw.security.testing;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Identity;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityExchange;

import java.util.Map;

/** A {@link SecurityExchange} built in a test; the client is the peer unless set. */
public record FakeExchange(RequestView request, String requestId, ClientAddress clientAddress, String routeTemplate,
                           Identity identity, boolean https, Map<String, String> pathParameters)
        implements SecurityExchange {

    public static FakeExchange of(RequestView request) {
        ClientAddress client;
        try {
            client = ClientAddress.of(java.net.InetAddress.getByName(request.peerAddress()));
        } catch (java.net.UnknownHostException e) {
            client = ClientAddress.unknown();
        }
        return new FakeExchange(request, "test-request-id", client, null, Identity.anonymous(), request.secure(), Map.of());
    }

    public FakeExchange withClient(ClientAddress client) {
        return new FakeExchange(request, requestId, client, routeTemplate, identity, https, pathParameters);
    }

    public FakeExchange withRoute(String template) {
        return new FakeExchange(request, requestId, clientAddress, template, identity, https, pathParameters);
    }

    public FakeExchange withIdentity(Identity id) {
        return new FakeExchange(request, requestId, clientAddress, routeTemplate, id, https, pathParameters);
    }

    public FakeExchange withHttps(boolean value) {
        return new FakeExchange(request, requestId, clientAddress, routeTemplate, identity, value, pathParameters);
    }

    public FakeExchange withPathParameters(Map<String, String> parameters) {
        return new FakeExchange(request, requestId, clientAddress, routeTemplate, identity, https, parameters);
    }
}
