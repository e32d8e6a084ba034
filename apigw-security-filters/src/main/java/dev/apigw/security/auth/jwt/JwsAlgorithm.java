package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;

import javax.crypto.SecretKey;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * The JWS algorithms that may appear in an allow-list, each with the one kind of key it may be verified with.
 *
 * <p>Tying the algorithm to a key type is what defeats algorithm confusion (RFC 8725 §2.1, §3.1): an RSA or EC public
 * key can never be used as an HMAC secret, and an EC key only verifies the curve its algorithm names (RFC 7518 §3.4).
 * Names are case-sensitive (RFC 7518 §7.1.1); {@code none} is not a member and cannot become one.
 */
enum JwsAlgorithm {
    HS256(Family.HMAC, Jwts.SIG.HS256, 256),
    HS384(Family.HMAC, Jwts.SIG.HS384, 384),
    HS512(Family.HMAC, Jwts.SIG.HS512, 512),
    RS256(Family.RSA, Jwts.SIG.RS256, 0),
    RS384(Family.RSA, Jwts.SIG.RS384, 0),
    RS512(Family.RSA, Jwts.SIG.RS512, 0),
    PS256(Family.RSA, Jwts.SIG.PS256, 0),
    PS384(Family.RSA, Jwts.SIG.PS384, 0),
    PS512(Family.RSA, Jwts.SIG.PS512, 0),
    ES256(Family.EC, Jwts.SIG.ES256, 256),
    ES384(Family.EC, Jwts.SIG.ES384, 384),
    ES512(Family.EC, Jwts.SIG.ES512, 521),
    EdDSA(Family.OKP, Jwts.SIG.EdDSA, 0);

    /** The key family an algorithm belongs to; also the JWK {@code kty} for the asymmetric ones. */
    enum Family { HMAC, RSA, EC, OKP }

    private final Family family;
    private final SecureDigestAlgorithm<?, ?> jjwt;
    private final int bits;

    JwsAlgorithm(Family family, SecureDigestAlgorithm<?, ?> jjwt, int bits) {
        this.family = family;
        this.jjwt = jjwt;
        this.bits = bits;
    }

    /** The algorithm with exactly this name; no case folding, because {@code alg} values are case-sensitive. */
    static Optional<JwsAlgorithm> byName(String name) {
        for (JwsAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    Family family() {
        return family;
    }

    SecureDigestAlgorithm<?, ?> jjwt() {
        return jjwt;
    }

    /** The minimum HMAC secret length (RFC 7518 §3.2), or the curve's field size for ECDSA; 0 otherwise. */
    int bits() {
        return bits;
    }

    /** Whether this algorithm may verify with the key: the key's type, and for ECDSA its curve, must match. */
    boolean fits(Key key) {
        return switch (family) {
            case HMAC -> key instanceof SecretKey;
            case RSA -> key instanceof RSAPublicKey;
            case EC -> key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == bits;
            case OKP -> key instanceof EdECPublicKey;
        };
    }
}
