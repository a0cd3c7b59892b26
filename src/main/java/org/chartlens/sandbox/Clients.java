package org.chartlens.sandbox;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The registered OAuth clients of one demo EHR. Thread safe. */
final class Clients {
    static final String PUBLIC_ID = "chartlens";
    static final String CONFIDENTIAL_ID = "chartlens-confidential";
    static final String CONFIDENTIAL_SECRET = "chartlens-demo-secret";

    enum Kind { PUBLIC, CONFIDENTIAL, BACKEND }

    /** A registered client. Immutable. */
    record Client(String id, Kind kind, String secret, JWKSet jwks, String name) {
        boolean acceptsRedirect(String redirectUri) {
            if (kind == Kind.BACKEND || redirectUri == null) {
                return false;
            }
            try {
                URI u = new URI(redirectUri);
                String host = u.getHost();
                return "http".equals(u.getScheme()) && u.getFragment() == null
                        && ("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host)
                        || "::1".equals(host));
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }
    }

    private final Map<String, Client> byId = new ConcurrentHashMap<>();

    Clients(VendorProfile profile) {
        byId.put(PUBLIC_ID, new Client(PUBLIC_ID, Kind.PUBLIC, null, null, "ChartLens"));
        if (profile.confidentialClient) {
            byId.put(CONFIDENTIAL_ID, new Client(CONFIDENTIAL_ID, Kind.CONFIDENTIAL,
                    CONFIDENTIAL_SECRET, null, "ChartLens (confidential)"));
        }
    }

    Client get(String id) {
        return id == null ? null : byId.get(id);
    }

    Client registerBackend(String name, JWKSet publicKeys) {
        String id = "backend-" + UUID.randomUUID();
        Client c = new Client(id, Kind.BACKEND, null, publicKeys.toPublicJWKSet(), name);
        byId.put(id, c);
        return c;
    }
}
