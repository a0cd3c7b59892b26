package org.chartlens.sandbox;

/** A FHIR request refused: HTTP status plus the OperationOutcome issue code and text. */
final class FhirError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    /** extra WWW-Authenticate error for 401/403, or null */
    final String bearerError;

    FhirError(int status, String code, String message) {
        this(status, code, message, null);
    }

    FhirError(int status, String code, String message, String bearerError) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.bearerError = bearerError;
    }
}
