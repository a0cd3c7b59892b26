package org.chartlens.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates an OpenID Connect id_token: signature with a key from the issuer's JWKS (asymmetric
 * algorithms only: never {@code none} or HS*), {@code iss}, {@code aud} (and {@code azp}),
 * {@code exp} and {@code iat} with a small leeway, and the login's {@code nonce}. Only a token
 * that passes all of this may name the patient (payer profile: {@code sub}).
 * Thread safe; fetches the JWKS (one HTTP request) per validation.
 */
public final class IdTokenValidator {
    private static final Logger LOG = LoggerFactory.getLogger(IdTokenValidator.class);
    static final Duration LEEWAY = Duration.ofSeconds(60);
    static final Set<JWSAlgorithm> ALLOWED = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final HttpClient http;
    private final Clock clock;

    public IdTokenValidator(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * @param nonce the pending login's nonce, or null when none was sent (refresh responses)
     * @return the validated claims
     * @throws AuthException "invalid_id_token" for anything that does not check out
     */
    public JWTClaimsSet validate(String idToken, SmartConfiguration server, String clientId, String nonce)
            throws AuthException {
        if (server.issuer() == null || server.jwksUri() == null) {
            throw invalid("the server does not publish its issuer and keys");
        }
        return validate(idToken, server.issuer(), fetchJwks(server.jwksUri()), clientId, nonce);
    }

    /** Validation against a given key set (the caller fetched it). */
    public JWTClaimsSet validate(String idToken, String issuer, JWKSet jwks, String clientId, String nonce)
            throws AuthException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException | RuntimeException e) {
            throw invalid("it is not a signed token");
        }
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (alg == null || !ALLOWED.contains(alg)) {
            throw invalid("its signature algorithm is not accepted");
        }
        if (!verifyWithAny(jwt, candidates(jwks, header))) {
            throw invalid("its signature does not match the issuer's keys");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("its claims are unreadable");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw invalid("it was issued by another server");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(clientId)) {
            throw invalid("it was issued to another application");
        }
        Object azp = claims.getClaim("azp");
        if ((aud.size() > 1 && azp == null) || (azp != null && !clientId.equals(azp))) {
            throw invalid("it was issued to another application");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plus(LEEWAY).isBefore(now)) {
            throw invalid("it has expired");
        }
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().minus(LEEWAY).isAfter(now)) {
            throw invalid("it claims to be issued in the future");
        }
        if (nonce != null) {
            Object got = claims.getClaim("nonce");
            if (!nonce.equals(got)) {
                throw invalid("it does not belong to this sign-in (nonce)");
            }
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw invalid("it names no user");
        }
        return claims;
    }

    private static List<JWK> candidates(JWKSet jwks, JWSHeader header) {
        KeyType kty = KeyType.forAlgorithm(header.getAlgorithm());
        List<JWK> out = new ArrayList<>();
        for (JWK k : jwks.getKeys()) {
            if (!kty.equals(k.getKeyType())) {
                continue;
            }
            if (k.getKeyUse() != null && !KeyUse.SIGNATURE.equals(k.getKeyUse())) {
                continue;
            }
            if (header.getKeyID() != null && k.getKeyID() != null && !header.getKeyID().equals(k.getKeyID())) {
                continue;
            }
            out.add(k);
        }
        return out;
    }

    private static boolean verifyWithAny(SignedJWT jwt, List<JWK> keys) {
        DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
        for (JWK k : keys) {
            try {
                Key pub = k.getKeyType().equals(KeyType.RSA) ? k.toRSAKey().toPublicKey()
                        : k.getKeyType().equals(KeyType.EC) ? k.toECKey().toPublicKey() : null;
                if (pub == null) {
                    continue;
                }
                JWSVerifier v = factory.createJWSVerifier(jwt.getHeader(), pub);
                if (jwt.verify(v)) {
                    return true;
                }
            } catch (JOSEException | RuntimeException e) {
                LOG.debug("Key {} did not verify: {}", k.getKeyID(), e.getClass().getSimpleName());
            }
        }
        return false;
    }

    JWKSet fetchJwks(URI jwksUri) throws AuthException {
        TransportPolicy.requireSecure(jwksUri, "key set (JWKS) address");
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw invalid("the issuer's keys could not be fetched");
            }
            return JWKSet.parse(r.body());
        } catch (ParseException e) {
            throw invalid("the issuer's keys are unreadable");
        } catch (IOException e) {
            throw new AuthException("ChartLens cannot reach " + jwksUri.getHost() + " to check the sign-in. "
                    + "Try again.", "temporarily_unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Sign-in was cancelled.", "cancelled", e);
        }
    }

    private static AuthException invalid(String why) {
        LOG.warn("Refused an id_token: {}", why);
        return new AuthException("ChartLens refused the identity token from the sign-in because " + why
                + ". Nothing was signed in.", "invalid_id_token", null);
    }
}
