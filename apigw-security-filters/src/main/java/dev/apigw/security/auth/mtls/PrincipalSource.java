package dev.apigw.security.auth.mtls;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * Where the principal of a client certificate is read. A certificate without that field fails authentication rather
 * than falling back to another field, so that one configuration always names clients the same way.
 */
public enum PrincipalSource {

    /** The most specific common name (CN) of the subject; the default, as most client CAs put the identity there. */
    SUBJECT_CN {
        @Override
        String principalOf(X509Certificate certificate) {
            try {
                var rdns = new LdapName(subject(certificate)).getRdns();
                for (int i = rdns.size() - 1; i >= 0; i--) {
                    Attribute cn = rdns.get(i).toAttributes().get("CN");
                    if (cn != null && cn.get() instanceof String value && !value.isEmpty()) {
                        return value;
                    }
                }
                return null;
            } catch (NamingException e) {
                return null;
            }
        }
    },

    /** The whole subject distinguished name in RFC 4514 (RFC 2253) form, e.g. {@code CN=alice,O=Example}. */
    SUBJECT_DN {
        @Override
        String principalOf(X509Certificate certificate) {
            String dn = subject(certificate);
            return dn.isEmpty() ? null : dn;
        }
    },

    /** The first e-mail address, DNS name or URI among the subject alternative names (RFC 5280 §4.2.1.6). */
    FIRST_SAN {
        @Override
        String principalOf(X509Certificate certificate) {
            try {
                Collection<List<?>> names = certificate.getSubjectAlternativeNames();
                if (names == null) {
                    return null;
                }
                for (List<?> name : names) {
                    Object type = name.get(0);
                    boolean wanted = type instanceof Integer t && (t == 1 || t == 2 || t == 6);
                    if (wanted && name.get(1) instanceof String value && !value.isEmpty()) {
                        return value;
                    }
                }
                return null;
            } catch (CertificateParsingException e) {
                return null;
            }
        }
    };

    /** The principal the certificate names, or {@code null} where it has none of this kind. */
    abstract String principalOf(X509Certificate certificate);

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }
}
