package org.chartlens.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an OperationOutcome into plain text (never HTML: the narrative is ignored and markup in
 * diagnostics is stripped). Stateless and thread safe.
 */
public final class OperationOutcomes {
    private static final int MAX = 300;

    private OperationOutcomes() {
    }

    /** "error: Not found; warning: ..." or "" when there is nothing to say. */
    public static String toText(JsonNode outcome) {
        if (outcome == null || !"OperationOutcome".equals(outcome.path("resourceType").asText())) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            String text = issue.path("details").path("text").asText("");
            if (text.isBlank()) {
                text = issue.path("diagnostics").asText("");
            }
            if (text.isBlank()) {
                for (JsonNode c : issue.path("details").path("coding")) {
                    text = c.path("display").asText(c.path("code").asText(""));
                    if (!text.isBlank()) {
                        break;
                    }
                }
            }
            if (text.isBlank()) {
                text = issue.path("code").asText("");
            }
            String sev = issue.path("severity").asText("");
            parts.add((sev.isBlank() ? "" : sev + ": ") + plain(text));
        }
        String all = String.join("; ", parts);
        return all.length() > MAX ? all.substring(0, MAX) + "..." : all;
    }

    /**
     * "error/processing; warning/informational": each issue's severity and code only, for logs
     * (the text may name a patient); "" when {@code outcome} is not an OperationOutcome.
     */
    public static String codes(JsonNode outcome) {
        if (outcome == null || !"OperationOutcome".equals(outcome.path("resourceType").asText())) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            String sev = token(issue.path("severity").asText(""));
            String code = token(issue.path("code").asText(""));
            parts.add((sev.isEmpty() ? "?" : sev) + "/" + (code.isEmpty() ? "?" : code));
            if (parts.size() == 5) {
                break;
            }
        }
        return String.join("; ", parts);
    }

    /** A FHIR code (severity, issue type) or "" when it is not one: free text never passes. */
    private static String token(String s) {
        return s.matches("[a-z][a-z0-9-]{0,40}") ? s : "";
    }

    /** Strips tags and control characters; collapses whitespace. */
    static String plain(String s) {
        String noTags = s.replaceAll("<[^>]*>", " ").replaceAll("&[a-zA-Z#0-9]+;", " ");
        return noTags.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    }
}
