package org.chartlens.auth;

/**
 * A sign-in or token failure. The message is for people: plain words, never a token, secret or
 * server body. {@link #code()} is the OAuth error code when there is one (e.g. invalid_grant).
 */
public class AuthException extends Exception {
    private final String code;

    public AuthException(String message) {
        this(message, null, null);
    }

    public AuthException(String message, String code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True when the user must sign in again (grant gone, revoked, expired). */
    public boolean needsSignIn() {
        return "invalid_grant".equals(code) || "login_required".equals(code);
    }
}
