package dev.apigw.security.servlet;

import dev.apigw.security.testing.TestCertificates.Issued;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** A real TLS client (java.net.http) that trusts one CA and presents a client certificate, or none. */
final class TlsClient {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpClient http;
    private final int port;

    TlsClient(int port, X509Certificate trustedCa, Issued clientCertificate) throws Exception {
        this.port = port;
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", trustedCa);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        // SunX509 presents the certificate whatever its dates or usages, which is what these tests need to send.
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(clientCertificate == null ? emptyKeyStore() : keyStore(clientCertificate), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A key store holding one key entry, {@code key}, with the certificate's chain. */
    static KeyStore keyStore(Issued issued) throws Exception {
        KeyStore ks = emptyKeyStore();
        ks.setKeyEntry("key", issued.key(), PASSWORD, issued.chain().toArray(Certificate[]::new));
        return ks;
    }

    private static KeyStore emptyKeyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        return ks;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
