package org.chartlens.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Issue 19 (small item): HTTP Basic client authentication form-url-encodes id and secret (RFC 6749 2.3.1). */
class ClientAuthenticationTest {
    private static String decodedPair(ClientAuthentication.Secret s) {
        String header = s.authorizationHeader();
        assertTrue(header.startsWith("Basic "), header);
        return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.US_ASCII);
    }

    @Test
    void spaceColonPercentAndNonAsciiAreFormUrlEncodedBeforeBase64() {
        ClientAuthentication.Secret s = new ClientAuthentication.Secret("my app:ü", "p w:%ö+&=".toCharArray());
        String pair = decodedPair(s);
        assertEquals("my+app%3A%C3%BC:p+w%3A%25%C3%B6%2B%26%3D", pair);
        int colon = pair.indexOf(':');
        assertEquals(pair.lastIndexOf(':'), colon, "the only raw ':' separates id and secret");
        // What a server does with it: split at the colon, then form-url-decode each part.
        assertEquals("my app:ü", URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
        assertEquals("p w:%ö+&=", URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
    }

    @Test
    void plainCredentialsAreUnchanged() {
        assertEquals("chartlens-confidential:chartlens-demo-secret",
                decodedPair(new ClientAuthentication.Secret("chartlens-confidential", "chartlens-demo-secret".toCharArray())));
    }
}
