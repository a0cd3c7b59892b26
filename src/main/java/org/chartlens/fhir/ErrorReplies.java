package org.chartlens.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a response that is not a success into a {@link FhirException} in plain words. The
 * server's OperationOutcome text is appended for the clinician; the log message carries only its
 * severity and code ({@link FhirException#forLog()}). Stateless, thread safe.
 */
final class ErrorReplies {
    private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");

    private final FhirJson json;

    ErrorReplies(FhirJson json) {
        this.json = json;
    }

    /** 429, 503 and other 5xx: what to say when the retries run out. */
    FhirException serverError(FhirClient.Response r) {
        String what = r.status() == 429 ? "The server kept asking to slow down (429)"
                : r.status() == 503 ? "The server was unavailable (503)"
                : "The server failed (" + r.status() + ")";
        return withOutcome(FhirException.Kind.SERVER, r, what);
    }

    /** Any other status that is not 2xx. */
    FhirException clientError(FhirClient.Response r) {
        int status = r.status();
        if (status >= 500 || status == 429) {
            return serverError(r);
        }
        if (status == 401) {
            return withOutcome(FhirException.Kind.UNAUTHORIZED, r,
                    "The server refused the request without a valid sign-in");
        }
        if (status == 403) {
            String www = r.header("WWW-Authenticate").orElse("");
            Matcher m = SCOPE.matcher(www);
            if (m.find()) {
                return new FhirException(FhirException.Kind.FORBIDDEN, status,
                        "Access was not granted: the sign-in lacks the scope " + m.group(1) + ".", null);
            }
            if (www.contains("insufficient_scope")) {
                return new FhirException(FhirException.Kind.FORBIDDEN, status,
                        "Access was not granted: the sign-in lacks a needed scope.", null);
            }
            return withOutcome(FhirException.Kind.FORBIDDEN, r, "Access was not granted");
        }
        if (status == 404 || status == 410) {
            return withOutcome(FhirException.Kind.NOT_FOUND, r, "Not found");
        }
        if (status == 400 || status == 405 || status == 501 || status == 422) {
            return withOutcome(FhirException.Kind.UNSUPPORTED, r, "The server did not accept the request (" + status + ")");
        }
        return withOutcome(FhirException.Kind.CLIENT, r, "The server refused the request (" + status + ")");
    }

    /** "words: outcome text" for the clinician, "words (OperationOutcome error/code)." for the log. */
    private FhirException withOutcome(FhirException.Kind kind, FhirClient.Response r, String words) {
        JsonNode outcome = outcome(r.body());
        String text = outcome == null ? "" : OperationOutcomes.toText(outcome);
        if (text.isBlank()) {
            return new FhirException(kind, r.status(), words + ".", null);
        }
        String codes = OperationOutcomes.codes(outcome);
        return new FhirException(kind, r.status(), words + ": " + text,
                words + " (OperationOutcome " + (codes.isEmpty() ? "without codes" : codes) + ").", null);
    }

    private JsonNode outcome(byte[] body) {
        if (body == null || body.length == 0 || body[0] != '{' && !new String(body, 0, Math.min(body.length, 16),
                StandardCharsets.UTF_8).trim().startsWith("{")) {
            return null;
        }
        try {
            return json.tree(body);
        } catch (FhirException e) {
            return null;
        }
    }
}
