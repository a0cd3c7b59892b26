package org.chartlens.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Which URLs ChartLens sends credentials to: HTTPS everywhere, plain HTTP only to the loopback
 * interface (the embedded demo EHR, test servers). Also builds the HTTP client auth uses: TLS 1.2+
 * with the JDK's certificate validation, no automatic redirects (a token endpoint that redirects
 * is refused rather than followed). Stateless, thread safe.
 */
public final class TransportPolicy {
    private TransportPolicy() {
    }

    /** True for 127.0.0.0/8, ::1 and "localhost" (never resolved through DNS). */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return true;
        }
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Returns {@code uri} when it is https, or http on loopback; otherwise refuses it.
     *
     * @param what plain words for the message, e.g. "token endpoint"
     */
    public static URI requireSecure(URI uri, String what) throws AuthException {
        if (uri == null) {
            throw new AuthException("The server did not publish a " + what + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && uri.getHost() != null) {
            return uri;
        }
        if (scheme.equals("http") && isLoopback(uri)) {
            return uri;
        }
        throw new AuthException("ChartLens refuses the " + what + " " + uri.getScheme() + "://" + uri.getHost()
                + " because it is not HTTPS. Only secure connections may carry sign-in data.",
                "insecure_transport", null);
    }

    /** The HTTP client for discovery and token requests: TLS 1.2+, validated certificates, no redirects. */
    public static HttpClient newHttpClient() {
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        try {
            return HttpClient.newBuilder()
                    .sslContext(SSLContext.getDefault())
                    .sslParameters(tls)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no TLS", e);
        }
    }
}
