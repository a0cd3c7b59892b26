package org.chartlens.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * A reviewer's verdict on one reconciliation row (issue 17 section 3), kept per reviewer. Immutable.
 *
 * @param reviewer who marked it
 * @param rowKey   the row ({@link ReconcileRow#key()})
 * @param verdict  same / not the same / not relevant
 * @param note     the reviewer's note, or ""
 * @param at       when
 */
public record ReconcileMark(String reviewer, String rowKey, Verdict verdict, String note, Instant at) {
    public ReconcileMark {
        note = note == null ? "" : note.strip();
    }

    /** The three answers a reviewer can give. */
    public enum Verdict {
        SAME("same", "Same"), DIFFERENT("different", "Not the same"), NOT_RELEVANT("not-relevant", "Not relevant");

        private final String key;
        private final String words;

        Verdict(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** The name on the command line and in the cache ("same", "different", "not-relevant"). */
        public String key() {
            return key;
        }

        /** What a person reads ("Not the same"). */
        public String words() {
            return words;
        }

        /** From {@link #key()} (case-insensitive; "not-the-same" and "not_relevant" too). */
        public static Verdict of(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            for (Verdict v : values()) {
                if (v.key.equals(t)) {
                    return v;
                }
            }
            if (t.equals("not-the-same")) {
                return DIFFERENT;
            }
            throw new IllegalArgumentException("a mark is same, different or not-relevant, not " + text);
        }
    }

    /** "Not the same · checked with the pharmacy". */
    public String describe() {
        return note.isEmpty() ? verdict.words() : verdict.words() + " · " + note;
    }
}
