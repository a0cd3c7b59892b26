package org.chartlens.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sign-in sessions, client secrets and backend keys per organization, kept in the
 * {@link SecretStore} (never in plain files), so that {@code chartlens login} in one process and
 * {@code chartlens sync} in another share one session. Thread safe (the store is).
 */
public final class SessionStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SecretStore secrets;

    public SessionStore(SecretStore secrets) {
        this.secrets = secrets;
    }

    public SecretStore secrets() {
        return secrets;
    }

    static String sessionName(String orgId) {
        return "session/" + orgId;
    }

    public Optional<Session> load(String orgId) {
        Optional<byte[]> raw = secrets.get(sessionName(orgId));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(raw.get(), Session.class));
        } catch (IOException e) {
            // An unreadable session (older format) is as good as none: the user signs in again.
            secrets.delete(sessionName(orgId));
            return Optional.empty();
        }
    }

    /** Saves atomically (the secret store's put is atomic). */
    public void save(Session session) {
        try {
            secrets.put(sessionName(session.organizationId()), JSON.writeValueAsBytes(session));
        } catch (IOException e) {
            throw new SecretStoreException("ChartLens could not save the sign-in.", e);
        }
    }

    public void delete(String orgId) {
        secrets.delete(sessionName(orgId));
    }

    public Optional<char[]> clientSecret(String orgId) {
        return secrets.get("client-secret/" + orgId).map(b -> new String(b, StandardCharsets.UTF_8).toCharArray());
    }

    public void saveClientSecret(String orgId, char[] secret) {
        secrets.put("client-secret/" + orgId, new String(secret).getBytes(StandardCharsets.UTF_8));
    }

    public void deleteClientSecret(String orgId) {
        secrets.delete("client-secret/" + orgId);
    }

    public Optional<BackendKey> backendKey(String orgId) throws AuthException {
        Optional<byte[]> raw = secrets.get("backend-key/" + orgId);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BackendKey.fromPrivateJwk(new String(raw.get(), StandardCharsets.UTF_8)));
    }

    /** The organization's backend key, generated (RS384) and stored on first use. */
    public synchronized BackendKey backendKeyOrCreate(String orgId) throws AuthException {
        Optional<BackendKey> k = backendKey(orgId);
        if (k.isPresent()) {
            return k.get();
        }
        BackendKey key = BackendKey.generate(com.nimbusds.jose.JWSAlgorithm.RS384);
        secrets.put("backend-key/" + orgId, key.privateJwkForSecretStore().getBytes(StandardCharsets.UTF_8));
        return key;
    }

    public void saveBackendKey(String orgId, BackendKey key) {
        secrets.put("backend-key/" + orgId, key.privateJwkForSecretStore().getBytes(StandardCharsets.UTF_8));
    }
}
