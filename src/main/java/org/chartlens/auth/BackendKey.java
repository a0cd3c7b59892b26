package org.chartlens.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.Set;

/**
 * The key pair ChartLens generates for SMART Backend Services at one organization (RS384 with
 * RSA 3072, or ES384 with P-384). The private part lives only in the secret store; only
 * {@link #publicJwks()} is ever shown or exported. Immutable, thread safe.
 */
public final class BackendKey {
    private final JWK key;
    private final JWSAlgorithm algorithm;

    private BackendKey(JWK key, JWSAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    /** A new key pair; {@code algorithm} is RS384 or ES384. Costs ~0.1-1 s for RSA. */
    public static BackendKey generate(JWSAlgorithm algorithm) {
        try {
            if (JWSAlgorithm.RS384.equals(algorithm)) {
                RSAKey k = new RSAKeyGenerator(3072).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS384)
                        .keyIDFromThumbprint(true).generate();
                return new BackendKey(k, algorithm);
            }
            if (JWSAlgorithm.ES384.equals(algorithm)) {
                ECKey k = new ECKeyGenerator(Curve.P_384).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES384)
                        .keyIDFromThumbprint(true).generate();
                return new BackendKey(k, algorithm);
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Key generation failed", e);
        }
        throw new IllegalArgumentException("Backend services keys are RS384 or ES384");
    }

    /** Restores a key from its stored private JWK (secret store content). */
    public static BackendKey fromPrivateJwk(String json) throws AuthException {
        try {
            JWK k = JWK.parse(json);
            if (!k.isPrivate() || k.getAlgorithm() == null) {
                throw new AuthException("The stored backend key is unusable. Generate a new one.", "invalid_key", null);
            }
            return new BackendKey(k, JWSAlgorithm.parse(k.getAlgorithm().getName()));
        } catch (ParseException e) {
            throw new AuthException("The stored backend key is unusable. Generate a new one.", "invalid_key", e);
        }
    }

    /** For the secret store only: the full key including private parameters. */
    public String privateJwkForSecretStore() {
        return key.toJSONString();
    }

    /** The public JWKS to register with the organization: never contains private parameters. */
    public String publicJwks() {
        JWK pub = key.toPublicJWK();
        JWK withOps = pub instanceof RSAKey r
                ? new RSAKey.Builder(r).keyOperations(Set.of(KeyOperation.VERIFY)).build()
                : new ECKey.Builder((ECKey) pub).keyOperations(Set.of(KeyOperation.VERIFY)).build();
        return new JWKSet(withOps).toString(true);
    }

    public String keyId() {
        return key.getKeyID();
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    JWK jwk() {
        return key;
    }

    @Override
    public String toString() {
        return "BackendKey[" + algorithm + ", kid=" + key.getKeyID() + "]";
    }
}
