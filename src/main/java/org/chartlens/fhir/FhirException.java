package org.chartlens.fhir;

/**
 * A FHIR request that did not succeed. The message is plain words for a clinician: never a token,
 * a patient name or a server body (OperationOutcome text is included only as the server's
 * diagnostic, already reduced to plain text). Logs take {@link #forLog()}, which leaves that text
 * out.
 */
public class FhirException extends Exception {

    /** What went wrong, for callers that react differently (skip, stop, ask to sign in). */
    public enum Kind {
        /** 401 after one refresh and one retry, or no token: sign in again. */
        UNAUTHORIZED,
        /** 403 / insufficient_scope: not granted; no refresh helps. */
        FORBIDDEN,
        /** 404 / 410. */
        NOT_FOUND,
        /** The server does not support the request (400/405/501 on an unsupported search). */
        UNSUPPORTED,
        /** The server failed (5xx, 429) and retries ran out. */
        SERVER,
        /** Connection failures and timeouts, after the retries. */
        NETWORK,
        /** The response is larger, deeper or has longer strings than allowed. */
        TOO_LARGE,
        /** The response is not readable JSON / FHIR. */
        MALFORMED,
        /** Paging went wrong: a repeated next link or too many pages. */
        PAGING,
        /** Refused for safety: http on a non-loopback host, an https to http redirect, etc. */
        INSECURE,
        /** Another 4xx. */
        CLIENT
    }

    private final Kind kind;
    private final int status;
    private final String logMessage;

    public FhirException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, null, cause);
    }

    /**
     * @param logMessage what may go to the log when the message holds server text (an
     *     OperationOutcome's diagnostics can name a patient): the same words with only the
     *     outcome's severity and code; null when the message itself is safe to log
     */
    public FhirException(Kind kind, int status, String message, String logMessage, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.logMessage = logMessage;
    }

    public FhirException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The message for the log: like {@link #getMessage()}, but a server's OperationOutcome appears
     * only as severity and code, never its text (which may contain PHI).
     */
    public String forLog() {
        return logMessage != null ? logMessage : getMessage();
    }

    /** HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }
}
