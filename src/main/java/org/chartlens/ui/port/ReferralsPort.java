package org.chartlens.ui.port;

import java.time.LocalDate;
import java.util.List;
import org.chartlens.domain.PatientRef;

/**
 * The referral list (issue 17, the clinic day): persons due on a day with the user's reason; add,
 * change and remove, each recorded in the audit log by the app with the view as its source.
 * Thread safe; every method blocks (call it from the task executor, never on the FX thread).
 */
public interface ReferralsPort {
    /** No list (read-only modes): empty, and changes are refused. */
    ReferralsPort NONE = new ReferralsPort() {
        @Override
        public List<Entry> list() {
            return List.of();
        }

        @Override
        public void add(PatientRef record, LocalDate due, String reason, String source) {
            throw new UnsupportedOperationException("The referral list is not available in this mode.");
        }

        @Override
        public void change(PatientRef record, LocalDate due, String reason, String source) {
            throw new UnsupportedOperationException("The referral list is not available in this mode.");
        }

        @Override
        public void remove(PatientRef record, String source) {
            throw new UnsupportedOperationException("The referral list is not available in this mode.");
        }
    };

    /**
     * One person on the list as a user reads it.
     *
     * @param personId      {@code P-...}
     * @param records       the person's records, first record first
     * @param name          the first record's name as its organization sent it
     * @param birthDate     the first record's birth date, or ""
     * @param organizations the organizations' readable names, one per record
     * @param due           the day the person is due
     * @param reason        the user's words
     */
    record Entry(String personId, List<PatientRef> records, String name, String birthDate, List<String> organizations,
                 LocalDate due, String reason) {
        public Entry {
            records = List.copyOf(records);
            organizations = List.copyOf(organizations);
        }
    }

    /** Everyone on the list, by due day. */
    List<Entry> list();

    /** Puts the person of {@code record} on the list. @throws IllegalArgumentException when already listed */
    void add(PatientRef record, LocalDate due, String reason, String source);

    /** Changes a listed person's day and reason. @throws IllegalArgumentException when not listed */
    void change(PatientRef record, LocalDate due, String reason, String source);

    /** Takes the person of {@code record} off the list. @throws IllegalArgumentException when not listed */
    void remove(PatientRef record, String source);
}
