package dev.apigw.security.lint;

import java.util.List;

import static dev.apigw.security.lint.Severity.HIGH;
import static dev.apigw.security.lint.Severity.LOW;
import static dev.apigw.security.lint.Severity.MEDIUM;

/** The table of rules, most severe first: each rule's id, severity, why, fix, and the function that checks it. */
final class Rules {

    /** Looks at one configuration and adds what it finds. */
    interface Check {
        void run(Subject subject, Hits hits);
    }

    /** A rule and its check. */
    record Entry(Rule rule, Check check) {
    }

    static final List<Entry> ALL = List.of(
            rule("public-by-default", HIGH, "Secure by default means a forgotten route is refused; with defaults.auth:"
                    + " none or a public /**, every new endpoint and every path no route lists is open to anyone.",
                    "Set defaults.auth to a method, e.g. [jwt], and write auth: none only on routes that must be public.",
                    RouteChecks::publicByDefault),
            rule("public-admin-route", HIGH, "Administrative, debugging and metrics endpoints reveal internals or"
                    + " change the running service; open to anyone, they are the first thing scanners try.",
                    "Require authentication and a scope (auth: [jwt], scopes: [admin]), add a route ipPolicy, or do not"
                            + " expose the endpoint through this API.", RouteChecks::publicAdminRoute),
            rule("public-write-route", HIGH, "A route that changes data without authentication lets anyone create,"
                    + " change or delete it, and the audit log cannot say who did.",
                    "Require authentication for the writing methods (a route with auth: [jwt] and a scope) and keep"
                            + " the public route to methods: [GET].", RouteChecks::publicWriteRoute),
            rule("cors-credentials-broad", HIGH, "With allowCredentials the browser sends the user's cookies; an origin"
                    + " you do not control (any site, the sandboxed null origin, a wildcard strangers can register"
                    + " under, plain http anyone on the network can answer for) then acts as the user and reads the"
                    + " answers.", "List the exact https origins of your own front ends; keep allowCredentials off"
                    + " for anything broader.", CorsChecks::credentialsBroad),
            rule("trusted-proxies-too-wide", HIGH, "Forwarding headers are believed only from trustedProxies; when"
                    + " those cover the internet, any client writes its own address into X-Forwarded-For, walks past"
                    + " the IP policy and per-client limits, and lies in the audit log.",
                    "List only your own proxies and load balancers (or their private subnet, e.g. 10.0.0.0/8), or"
                            + " your CDN's published ranges.", TransportChecks::trustedProxiesTooWide),
            rule("https-off-in-production", HIGH, "Without HTTPS, tokens, API keys and data cross the network in"
                    + " clear text, and nothing stops a downgrade.", "Set transport.requireHttps: true in the"
                    + " production stage; behind a TLS proxy, list it in trustedProxies so X-Forwarded-Proto counts.",
                    TransportChecks::httpsOffInProduction),
            rule("jwks-over-http", HIGH, "The JWKS holds the keys tokens are checked with; over plain http anyone on"
                    + " the path can swap in a key of their own and sign any token.", "Fetch the JWKS over https:"
                    + " (or read it from a file:).", TransportChecks::jwksOverHttp),
            rule("inline-secret", HIGH, "A secret written in the file ends up in version control, images and"
                    + " backups, where whoever reads them can use it, and it cannot change without a release.",
                    "Write ${env:NAME} or ${file:/run/secrets/NAME} and keep the value in the environment or a"
                            + " secret store.", SecretChecks::inlineSecret),
            rule("hs-secret-too-short", HIGH, "An HMAC secret shorter than the hash (RFC 7518 §3.2) can be"
                    + " brute-forced offline from one token, and then anyone can sign tokens; start-up refuses it.",
                    "Use at least 32 random bytes (64 for HS512), e.g. openssl rand -base64 48, through ${env:} or"
                            + " ${file:}.", SecretChecks::hsSecretTooShort),
            rule("public-any-method", MEDIUM, "A public route without methods accepts every method; a handler that"
                    + " answers POST or DELETE on that path is open to anyone.", "List the methods the route needs,"
                    + " e.g. methods: [GET].", RouteChecks::publicAnyMethod),
            rule("no-throttling", MEDIUM, "Without any limit one client can flood the API, run up its costs and try"
                    + " credentials as fast as the network allows.", "Add throttling.global and throttling.anonymous"
                    + " (and usage plans for API keys), e.g. anonymous: { rate: 10/s, burst: 20 }.",
                    ThrottleChecks::noThrottling),
            rule("public-route-unthrottled", MEDIUM, "Anyone can call a public route; without a per-client limit one"
                    + " client can exhaust it and whatever stands behind it.", "Add throttling.anonymous (per client"
                    + " IP, for public routes) or a throttle on the route.", ThrottleChecks::publicRouteUnthrottled),
            rule("no-brute-force-lockout", MEDIUM, "Without a lockout a client can guess passwords, tokens or API"
                    + " keys without end (credential stuffing).", "Add throttling.bruteForce, e.g. { maxFailures: 10,"
                    + " window: 1m, lockout: 15m }.", ThrottleChecks::noBruteForceLockout),
            rule("cors-any-origin", MEDIUM, "allowedOrigins: * lets every web site read the answers in its visitors'"
                    + " browsers: fine for open data, not for answers that differ per user or network.",
                    "List the origins of your own front ends.", CorsChecks::anyOrigin),
            rule("cors-wide-wildcard", MEDIUM, "A wildcard over a public suffix (co.uk), a shared hosting domain"
                    + " (github.io) or plain http matches origins that strangers own.", "Use a wildcard only under a"
                    + " domain you own and over https (https://*.example.com), or list exact origins.",
                    CorsChecks::wideWildcard),
            rule("api-key-without-expiry", MEDIUM, "A key that never expires keeps working after it leaks or its"
                    + " owner leaves, until someone remembers to revoke it.", "Give every key an expiry (keys create"
                    + " --expires 90d) and rotate it before then (keys rotate).", KeyChecks::apiKeyWithoutExpiry),
            rule("audit-redaction-missing", MEDIUM, "Logs are read by many and kept long; a token or key written"
                    + " there works for whoever reads it.", "Add Authorization and the API key header to"
                    + " audit.redactHeaders, or leave redactHeaders out to keep the defaults.",
                    AuditChecks::redactionMissing),
            rule("jwt-without-audience", MEDIUM, "Without an audience check, a token the same issuer made for"
                    + " another application is accepted here.", "List this API's audience in"
                    + " authentication.jwt.audiences, e.g. [pets-api].", SecretChecks::jwtWithoutAudience),
            rule("cors-credentials-subdomains", LOW, "Every subdomain can make credentialed requests: a script"
                    + " injection or a dangling DNS record on any of them reaches the API as the user.",
                    "List the exact origins that need credentials, if you can.", CorsChecks::credentialsSubdomains),
            rule("same-config-every-stage", LOW, "Stages keep development settings (plain http, local origins,"
                    + " relaxed limits) out of production; without stages, or with a stage that changes nothing,"
                    + " every environment runs the same settings.", "Add stages (dev, staging, prod) that change what"
                    + " differs, or remove the stage that changes nothing.", StageChecks::sameConfigEveryStage),
            rule("api-key-file-unreadable", LOW, "The linter could not read the key file the store names, so it"
                    + " could not check the keys' expiry (the gateway refuses to start without the file).",
                    "Run lint where the key file is, or look at it with keys list.", KeyChecks::apiKeyFileUnreadable));

    private Rules() {
    }

    private static Entry rule(String id, Severity severity, String why, String fix, Check check) {
        return new Entry(new Rule(id, severity, why, fix), check);
    }
}
