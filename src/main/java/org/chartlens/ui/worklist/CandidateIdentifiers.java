package org.chartlens.ui.worklist;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chartlens.domain.Identifier;

/**
 * A Find candidate's identifiers as one line to choose by: "MRN 000123; SSN 999-68-8039; Driver's
 * license S999…": the record number first, the usual names short, an identifier named only by its
 * system URL last (its host). Stateless.
 */
final class CandidateIdentifiers {
    private CandidateIdentifiers() {
    }

    static String line(List<Identifier> identifiers) {
        return identifiers.stream()
                .sorted(Comparator.comparingInt(i -> rank(shortLabel(i.label()))))
                .map(i -> shortLabel(i.label()) + " " + i.value())
                .collect(Collectors.joining("; "));
    }

    static String shortLabel(String label) {
        String l = label == null ? "" : label.trim();
        String lower = l.toLowerCase(Locale.ROOT);
        if (lower.equals("mr") || lower.contains("medical record")) {
            return "MRN";
        }
        if (lower.contains("social security")) {
            return "SSN";
        }
        if (lower.startsWith("driver")) {
            return "Driver's license";
        }
        if (lower.startsWith("passport")) {
            return "Passport";
        }
        int scheme = l.indexOf("://");
        if (scheme > 0) {
            String rest = l.substring(scheme + 3);
            return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        }
        return l;
    }

    private static int rank(String shortLabel) {
        return switch (shortLabel) {
            case "MRN" -> 0;
            case "SSN", "Driver's license", "Passport" -> 1;
            default -> shortLabel.contains(".") ? 3 : 2;
        };
    }
}
