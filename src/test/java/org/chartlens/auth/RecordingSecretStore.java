package org.chartlens.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Wraps a real secret store, remembering the last value written per name; can be told to fail writes. */
final class RecordingSecretStore implements SecretStore {
    private final SecretStore delegate;
    private final Map<String, String> lastPut = new ConcurrentHashMap<>();
    final AtomicBoolean failPuts = new AtomicBoolean();

    RecordingSecretStore(SecretStore delegate) {
        this.delegate = delegate;
    }

    String lastPutOf(String name) {
        return lastPut.get(name);
    }

    @Override
    public Optional<byte[]> get(String name) {
        return delegate.get(name);
    }

    @Override
    public void put(String name, byte[] value) {
        if (failPuts.get()) {
            throw new SecretStoreException("The disk is full.", null);
        }
        delegate.put(name, value);
        lastPut.put(name, new String(value, StandardCharsets.UTF_8));
    }

    @Override
    public void delete(String name) {
        delegate.delete(name);
    }

    @Override
    public String description() {
        return delegate.description();
    }
}
