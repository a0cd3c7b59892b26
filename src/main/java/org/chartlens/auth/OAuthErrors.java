package org.chartlens.auth;

/**
 * OAuth error codes (RFC 6749 section 5.2 and 4.1.2.1) in words a clinician understands. The
 * server's error_description is deliberately not shown: it may carry technical detail or data.
 * Stateless.
 */
public final class OAuthErrors {
    private OAuthErrors() {
    }

    /**
     * @param code         the OAuth error code (may be null)
     * @param organization display name, or null for "the organization"
     */
    public static String plainWords(String code, String organization) {
        String org = organization == null || organization.isBlank() ? "the organization" : organization;
        if (code == null) {
            return "Signing in to " + org + " did not work. Please try again.";
        }
        return switch (code) {
            case "access_denied" -> "Access was declined at " + org + ": the sign-in or the permission request "
                    + "was refused. Sign in again and allow ChartLens access to continue.";
            case "invalid_grant", "login_required" -> "Your sign-in at " + org + " has expired or was withdrawn. "
                    + "Please sign in to " + org + " again.";
            case "invalid_client", "unauthorized_client" -> org + " does not recognise ChartLens's registration "
                    + "(client id, secret or key). Check the organization's client id and credentials.";
            case "invalid_scope" -> org + " refused the kinds of data ChartLens asked to read. Check the "
                    + "organization's requested scopes with its administrator.";
            case "temporarily_unavailable", "server_error" -> "The sign-in service of " + org + " is "
                    + "temporarily unavailable. Please try again in a few minutes.";
            case "unsupported_grant_type", "unsupported_response_type" -> org + " does not offer this way of "
                    + "signing in. Choose another sign-in flow for this organization.";
            case "invalid_request" -> org + " could not process the sign-in request. Check the organization's "
                    + "settings or contact its administrator.";
            case "consent_required", "interaction_required" -> org + " needs you to sign in in the browser again.";
            default -> "Signing in to " + org + " did not work (" + sanitize(code) + "). Please try again.";
        };
    }

    private static String sanitize(String code) {
        String s = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
