package org.chartlens.domain;

import java.util.Locale;

/**
 * Why a user broke the glass to see a person's restricted records (issue 18, decision 0701): one
 * of a short list, "other" with the user's words. Immutable.
 *
 * @param reason the reason chosen
 * @param text   the user's words for {@link Reason#OTHER} (trimmed, at most 200 characters), else ""
 */
public record BreakGlass(Reason reason, String text) {

    /** The short list. */
    public enum Reason {
        TREATMENT_EMERGENCY("emergency", "Treatment emergency"),
        PATIENT_CONSENT("consent", "Patient consent on file"),
        OTHER("other", "Other");

        private final String key;
        private final String label;

        Reason(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    public BreakGlass {
        if (reason == null) {
            throw new IllegalArgumentException("a reason is needed to break the glass");
        }
        text = text == null ? "" : text.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        if (reason == Reason.OTHER && text.isEmpty()) {
            throw new IllegalArgumentException("say why: 'other' needs a few words");
        }
        if (reason != Reason.OTHER) {
            text = "";
        }
    }

    /**
     * From what a user typed on the command line: {@code emergency}, {@code consent} or
     * {@code other:WORDS}.
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    public static BreakGlass parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        int colon = t.indexOf(':');
        String key = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        for (Reason r : Reason.values()) {
            if (r.key.equals(key)) {
                return new BreakGlass(r, colon < 0 ? "" : t.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("break the glass with a reason: emergency, consent or other:WORDS");
    }

    /** "Treatment emergency", "Other: court order". */
    public String describe() {
        return reason == Reason.OTHER ? "Other: " + text : reason.label();
    }

    /** The audit event's detail: reason, how many records, which labels; no clinical content. */
    public String auditDetail(Restrictions r) {
        return "reason=" + describe() + "; records=" + r.count() + "; labels=" + r.codes();
    }
}
