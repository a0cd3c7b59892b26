package org.chartlens.sandbox;

/** An RFC 6749 error answer: code, description, HTTP status. */
final class OAuthError extends Exception {
    private static final long serialVersionUID = 1L;
    final String error;
    final int status;

    OAuthError(String error, String description) {
        this(error, description, "invalid_client".equals(error) ? 401 : 400);
    }

    OAuthError(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }
}
