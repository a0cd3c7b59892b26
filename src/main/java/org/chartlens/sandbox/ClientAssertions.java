package org.chartlens.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks SMART Backend Services client assertions (private_key_jwt): alg RS384/ES384, signature
 * against the client's registered JWKS, iss = sub = client_id, aud = the token URL, exp no more
 * than five minutes ahead, jti never seen before. Thread safe.
 */
final class ClientAssertions {
    private static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final DemoEhrContext ctx;
    /** jti -> when it may be forgotten (after the assertion's exp). */
    private final Map<String, Instant> seenJti = new ConcurrentHashMap<>();

    ClientAssertions(DemoEhrContext ctx) {
        this.ctx = ctx;
    }

    Clients.Client verify(String assertion, String clientIdParam) throws OAuthError {
        if (assertion == null) {
            throw new OAuthError("invalid_client", "client_assertion is missing.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new OAuthError("invalid_client", "client_assertion is not a signed JWT.");
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS384.equals(alg) && !JWSAlgorithm.ES384.equals(alg)) {
            throw new OAuthError("invalid_client", "client_assertion must be signed with RS384 or ES384.");
        }
        String iss = claims.getIssuer();
        if (iss == null || !iss.equals(claims.getSubject())) {
            throw new OAuthError("invalid_client", "client_assertion iss and sub must both be the client_id.");
        }
        if (clientIdParam != null && !clientIdParam.equals(iss)) {
            throw new OAuthError("invalid_client", "client_id does not match the client_assertion.");
        }
        Clients.Client client = ctx.clients.get(iss);
        if (client == null || client.kind() != Clients.Kind.BACKEND) {
            throw new OAuthError("invalid_client", "Unknown backend client.");
        }
        String tokenUrl = ctx.issuer() + "/token";
        if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl)) {
            throw new OAuthError("invalid_client", "client_assertion aud must be the token URL.");
        }
        Instant now = ctx.grants.now();
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().plus(LEEWAY).isAfter(now)) {
            throw new OAuthError("invalid_client", "client_assertion has expired.");
        }
        if (exp.toInstant().isAfter(now.plus(MAX_AHEAD).plus(LEEWAY))) {
            throw new OAuthError("invalid_client", "client_assertion exp is more than five minutes ahead.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new OAuthError("invalid_client", "client_assertion needs a jti.");
        }
        if (!signatureValid(jwt, client)) {
            throw new OAuthError("invalid_client", "client_assertion signature does not verify against the registered keys.");
        }
        seenJti.values().removeIf(until -> until.isBefore(now));
        if (seenJti.putIfAbsent(iss + " " + jti, exp.toInstant().plus(LEEWAY)) != null) {
            throw new OAuthError("invalid_client", "client_assertion jti was already used.");
        }
        return client;
    }

    private static boolean signatureValid(SignedJWT jwt, Clients.Client client) {
        String kid = jwt.getHeader().getKeyID();
        for (JWK key : client.jwks().getKeys()) {
            if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            try {
                JWSVerifier verifier;
                if (key instanceof RSAKey rsa && JWSAlgorithm.RS384.equals(jwt.getHeader().getAlgorithm())) {
                    verifier = new RSASSAVerifier(rsa);
                } else if (key instanceof ECKey ec && JWSAlgorithm.ES384.equals(jwt.getHeader().getAlgorithm())) {
                    verifier = new ECDSAVerifier(ec);
                } else {
                    continue;
                }
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                // a key of the wrong shape: try the next one
            }
        }
        return false;
    }
}
