package org.chartlens.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Which URLs ChartLens talks to and sends credentials to, in one place for sign-in ({@code auth}),
 * FHIR requests ({@code fhir.TransportStep}, {@code fhir.BearerAuthStep}) and the scripted
 * browser ({@code app.ScriptedBrowser}): HTTPS everywhere, plain HTTP only to the loopback
 * interface (the embedded demo EHR, test servers), never a redirect from https to http, and a
 * token only under the path it was issued for ({@link #confinedTo}). Also builds the HTTP client auth uses: TLS 1.2+
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

    /** Why an address may not be fetched (or followed to). */
    public enum Refusal {
        /** Not http(s): {@code file:}, {@code javascript:}, ... */
        NOT_HTTP,
        /** Plain http to a host that is not this computer. */
        PLAIN_HTTP_OFF_LOOPBACK,
        /** A redirect from https to plain http. */
        DOWNGRADE
    }

    /**
     * The one transport rule for every request ChartLens makes with or without a token: https, or
     * http on loopback only; a hop from https never goes to http.
     *
     * @param from the address that redirected here, or null for a first request
     * @return empty when {@code target} may be fetched
     */
    public static Optional<Refusal> refusal(URI target, URI from) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of(Refusal.NOT_HTTP);
        }
        if (from != null && "https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            return Optional.of(Refusal.DOWNGRADE);
        }
        if (scheme.equals("http") && !isLoopback(target)) {
            return Optional.of(Refusal.PLAIN_HTTP_OFF_LOOPBACK);
        }
        return Optional.empty();
    }

    /**
     * True when a token issued for {@code base} may go to {@code target}: same scheme, host and
     * port, no user info, and the path, read the way a server reads it ({@link #serverPath}),
     * is {@code base}'s path or below it. Anything ambiguous is "no".
     */
    public static boolean confinedTo(URI base, URI target) {
        if (base == null || target == null || !target.isAbsolute() || target.getRawAuthority() == null
                || target.getRawUserInfo() != null || target.getHost() == null || base.getHost() == null) {
            return false;
        }
        if (!base.getScheme().equalsIgnoreCase(target.getScheme()) || !base.getHost().equalsIgnoreCase(target.getHost())
                || port(base) != port(target)) {
            return false;
        }
        Optional<String> basePath = serverPath(base.getRawPath());
        Optional<String> path = serverPath(target.getRawPath());
        if (basePath.isEmpty() || path.isEmpty()) {
            return false;
        }
        String b = basePath.get().endsWith("/") ? basePath.get().substring(0, basePath.get().length() - 1)
                : basePath.get();
        return b.isEmpty() || path.get().equals(b) || path.get().startsWith(b + "/");
    }

    /**
     * A raw URL path as a server resolves it: percent-encoded unreserved characters decoded
     * (RFC 3986 6.2.2.2, so {@code %2e%2E} is {@code ..}), then dot segments removed (5.2.4).
     * Empty (refused) when servers disagree on what the path means: an encoded slash or backslash
     * ({@code %2F}, {@code %5C}), a backslash, an encoded control character, an empty segment
     * ({@code //}, which some servers merge before removing dot segments), a dot segment with
     * parameters ({@code ..;x}, which some servers treat as {@code ..}) or a broken escape.
     */
    public static Optional<String> serverPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.of("/");
        }
        if (rawPath.charAt(0) != '/' || rawPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            int v = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
            if (v < 0 || v == '/' || v == '\\' || v < 0x20 || v == 0x7f) {
                return Optional.empty();
            }
            if (Character.isLetterOrDigit(v) && v < 0x80 || v == '-' || v == '.' || v == '_' || v == '~') {
                decoded.append((char) v);
            } else {
                decoded.append('%').append(String.format("%02X", v));
            }
            i += 2;
        }
        String[] segments = decoded.substring(1).split("/", -1);
        List<String> out = new ArrayList<>();
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            int semi = s.indexOf(';');
            String name = semi >= 0 ? s.substring(0, semi) : s;
            if (s.isEmpty() && !last || semi >= 0 && (name.equals(".") || name.equals(".."))) {
                return Optional.empty();
            }
            trailingSlash = false;
            if (s.equals(".") || s.equals("..")) {
                if (s.equals("..") && !out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                trailingSlash = true;
            } else if (!(last && s.isEmpty())) {
                out.add(s);
            } else {
                trailingSlash = true;
            }
        }
        String path = "/" + String.join("/", out);
        return Optional.of(trailingSlash && !out.isEmpty() ? path + "/" : path);
    }

    private static int hex(char a, char b) {
        int hi = Character.digit(a, 16);
        int lo = Character.digit(b, 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    /** The port, with the scheme's default when none is given. */
    public static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
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
