package org.chartlens.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How ChartLens proves who it is at a token endpoint. Immutable; {@code toString} hides secrets.
 */
public sealed interface ClientAuthentication {
    String clientId();

    /** A public client (PKCE): client_id in the request body. */
    record Public(String clientId) implements ClientAuthentication {
    }

    /** A confidential client: HTTP Basic with the form-url-encoded id and secret (RFC 6749 2.3.1). */
    record Secret(String clientId, char[] secret) implements ClientAuthentication {
        String authorizationHeader() {
            String pair = FormEncoding.encode(clientId) + ":" + FormEncoding.encode(new String(secret));
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Secret[" + clientId + "]";
        }
    }

    /** Backend services: a signed JWT assertion (private_key_jwt). */
    record PrivateKeyJwt(String clientId, BackendKey key) implements ClientAuthentication {
    }
}
