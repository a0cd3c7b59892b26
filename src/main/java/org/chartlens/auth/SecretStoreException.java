package org.chartlens.auth;

/** The secret store cannot be opened or used. The message is plain words and holds no secret. */
public class SecretStoreException extends RuntimeException {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
