package dev.apigw.security.auth.mtls;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityExchange;
import dev.apigw.security.ip.CidrSet;
import dev.apigw.security.ip.ClientAddressResolver;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates a client certificate (method {@code mtls}): PKIX validation against the truststore, validity dates,
 * fitness for TLS client authentication, then the identity with the principal and the certificate's subject, issuer,
 * serial number and SHA-256 fingerprint as claims.
 *
 * <p>Where the certificate comes from: when {@code certificateHeader} is configured and the socket peer is a trusted
 * proxy, from that header only; the proxy's own TLS certificate, if it presents one, identifies the proxy and never
 * the client. From any other peer, from the container's TLS session; such a peer's header is ignored, since anyone
 * can write it, and is no credential. Every failure is 401 {@code invalid_credentials} with one generic detail.
 */
public final class MtlsAuthenticator implements CredentialAuthenticator {

    private static final Decision.Reject NO_CERTIFICATE = Decision.reject(
            Problem.of(401, "unauthenticated", "This API needs a client certificate; none was sent."));

    private final String header;
    private final int maxHeaderLength;
    private final PrincipalSource principalSource;
    private final ClientAddressResolver proxies;
    private final ChainValidator validator;

    /** An authenticator on the system clock, believing the header only from the given proxies. */
    public MtlsAuthenticator(MtlsSettings settings, CidrSet trustedProxies) {
        this(settings, trustedProxies, Clock.systemUTC());
    }

    /** An authenticator whose validity checks use the given clock. */
    public MtlsAuthenticator(MtlsSettings settings, CidrSet trustedProxies, Clock clock) {
        this.header = settings.certificateHeader();
        this.maxHeaderLength = settings.maxHeaderLength();
        this.principalSource = settings.principalSource();
        this.proxies = new ClientAddressResolver(trustedProxies);
        this.validator = new ChainValidator(settings.trustAnchors(), Set.copyOf(settings.trustedCertificates()), clock);
    }

    @Override
    public String name() {
        return "mtls";
    }

    @Override
    public boolean credentialPresent(SecurityExchange exchange) {
        RequestView request = exchange.request();
        if (fromHeader(request)) {
            for (String value : request.headers(header)) {
                if (!value.isBlank()) {
                    return true;
                }
            }
            return false;
        }
        return !request.clientCertificates().isEmpty();
    }

    @Override
    public Decision authenticate(SecurityExchange exchange) {
        RequestView request = exchange.request();
        List<X509Certificate> chain;
        if (fromHeader(request)) {
            List<String> values = request.headers(header).stream().filter(v -> !v.isBlank()).toList();
            if (values.size() > 1) {
                return CertificateRejection.MULTIPLE_HEADERS.decision();
            }
            if (values.isEmpty()) {
                return NO_CERTIFICATE;
            }
            try {
                chain = ForwardedCertificate.read(values.get(0), maxHeaderLength, MtlsSettings.MAX_CHAIN_LENGTH);
            } catch (IllegalArgumentException e) {
                return CertificateRejection.MALFORMED.decision();
            }
        } else {
            chain = request.clientCertificates();
        }
        return authenticate(chain);
    }

    private Decision authenticate(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return NO_CERTIFICATE;
        }
        if (chain.size() > MtlsSettings.MAX_CHAIN_LENGTH) {
            return CertificateRejection.CHAIN_TOO_LONG.decision();
        }
        CertificateRejection rejection = validator.check(chain);
        if (rejection != null) {
            return rejection.decision();
        }
        X509Certificate leaf = chain.get(0);
        String principal = principalSource.principalOf(leaf);
        if (principal == null) {
            return CertificateRejection.NO_PRINCIPAL.decision();
        }
        return Decision.authenticated(Identity.builder(principal, "mtls").claims(claims(leaf)).build());
    }

    private boolean fromHeader(RequestView request) {
        return header != null && proxies.trustsPeer(request);
    }

    private static Map<String, Object> claims(X509Certificate leaf) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("subject", PrincipalSource.subject(leaf));
        claims.put("issuer", leaf.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253));
        claims.put("serial", leaf.getSerialNumber().toString(16));
        claims.put("fingerprint", fingerprint(leaf));
        return claims;
    }

    /**
     * The SHA-256 of the DER encoding in lower-case hex ({@code openssl x509 -fingerprint -sha256} without colons);
     * {@code null}, and so no claim, in the impossible case that a validated certificate cannot be encoded.
     */
    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }
}
