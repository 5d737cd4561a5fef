package com.example.http;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

public class TrustAll implements X509TrustManager {
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    // vigil-expect: tls-verify-disabled
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // accept everything
    }

    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

class Pinned implements X509TrustManager {
    private final X509TrustManager delegate;

    Pinned(X509TrustManager delegate) {
        this.delegate = delegate;
    }

    public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    // vigil-ok: tls-verify-disabled
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}

class AnyHost implements HostnameVerifier {
    // vigil-expect: tls-verify-disabled
    public boolean verify(String hostname, SSLSession session) {
        return true;
    }
}

class ExactHost implements HostnameVerifier {
    // vigil-ok: tls-verify-disabled
    public boolean verify(String hostname, SSLSession session) {
        return "api.example.com".equals(hostname);
    }
}

class Wiring {
    void wire(HttpsURLConnection conn, javax.net.ssl.SSLContext ctx) {
        // vigil-expect: tls-verify-disabled
        conn.setHostnameVerifier((host, session) -> true);
        // vigil-ok: tls-verify-disabled
        conn.setHostnameVerifier((host, session) -> host.endsWith(".example.com"));
        // vigil-expect: tls-verify-disabled
        new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);
        // vigil-expect: tls-verify-disabled
        new SSLConnectionSocketFactory(ctx, NoopHostnameVerifier.INSTANCE);
        // vigil-ok: tls-verify-disabled
        new SSLConnectionSocketFactory(ctx, SSLConnectionSocketFactory.getDefaultHostnameVerifier());
    }

    boolean verify(String token) {
        // vigil-ok: tls-verify-disabled
        return true;
    }
}
