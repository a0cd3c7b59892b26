package org.chartlens.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The signed JWT a backend-services client authenticates with (SMART Backend Services,
 * RFC 7523): alg RS384/ES384, kid, typ=JWT; iss = sub = client_id; aud = the token URL exactly;
 * exp 4 minutes ahead (the spec allows at most 5); a fresh random jti each time. Stateless.
 */
public final class ClientAssertion {
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration LIFETIME = Duration.ofMinutes(4);

    private ClientAssertion() {
    }

    public static String create(BackendKey key, String clientId, URI tokenUrl, Clock clock) throws AuthException {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(tokenUrl.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(PendingLogin.randomToken())
                .build();
        JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.keyId()).type(JOSEObjectType.JWT).build();
        try {
            JWSSigner signer = key.jwk() instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key.jwk());
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AuthException("ChartLens could not sign its backend sign-in request.", "invalid_key", e);
        }
    }
}
