package org.chartlens.report;

import java.time.Instant;

/**
 * A reviewer's note printed in the summary's last section. Nothing stores notes yet (issue 17
 * section 1 adds reviews); the summary prints whatever it is given. Immutable.
 *
 * @param reviewer who wrote it (the OS user or the display name chosen in Settings)
 * @param at       when
 * @param text     the note as written
 */
public record ReviewerNote(String reviewer, Instant at, String text) {
}
