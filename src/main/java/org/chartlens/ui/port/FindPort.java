package org.chartlens.ui.port;

import java.util.List;
import org.chartlens.connect.Organization;
import org.chartlens.domain.PatientCandidate;

/**
 * Finding a patient at the user's signed-in organizations with each server's own Patient search
 * (the desktop's "Find a patient"; the command line's {@code chartlens find}). Choosing a
 * candidate is a sync of that one patient ({@link SyncPort#startSync}). Thread safe.
 */
public interface FindPort {
    /** No organization can be searched (modes without the network). */
    FindPort NONE = new FindPort() {
        @Override
        public List<Organization> searchable() {
            return List.of();
        }

        @Override
        public Search find(Criteria criteria, String orgId, Listener listener) {
            listener.finished(false);
            return () -> { };
        }
    };

    /** The organizations a search can go to now (the user's, signed in), in the order shown. Blocking. */
    List<Organization> searchable();

    /**
     * Starts a search at one organization, or at every signed-in one when {@code orgId} is null
     * (all at once, each on its own thread). Returns at once (call it from the task executor);
     * the listener is called from the search's threads: one {@link Listener#answered} per
     * organization, then {@link Listener#finished} once. Each search is recorded in the audit log.
     */
    Search find(Criteria criteria, String orgId, Listener listener);

    /**
     * What the user looks a patient up by; each part optional (blank = not given).
     *
     * @param name       any part of the name
     * @param birthDate  {@code YYYY-MM-DD} (or {@code YYYY-MM}, {@code YYYY})
     * @param sex        {@code female}, {@code male}, {@code other}, {@code unknown}
     * @param identifier an identifier's value (MRN), or {@code SYSTEM|VALUE}
     */
    record Criteria(String name, String birthDate, String sex, String identifier) {
        public Criteria {
            name = trim(name);
            birthDate = trim(birthDate);
            sex = trim(sex);
            identifier = trim(identifier);
        }

        public boolean isEmpty() {
            return name.isEmpty() && birthDate.isEmpty() && sex.isEmpty() && identifier.isEmpty();
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }

    /**
     * One organization's answer.
     *
     * @param org         the organization's id
     * @param orgName     its name, as the user knows it
     * @param candidates  the patients it returned, in its order
     * @param notes       the criteria it does not search by, in words (the candidates are not narrowed by them)
     * @param more        it has more matches than were read (narrow the search)
     * @param error       why it could not be searched, in plain words, or null
     */
    record Answer(String org, String orgName, List<PatientCandidate> candidates, List<String> notes, boolean more,
                  String error) {
        public Answer {
            candidates = List.copyOf(candidates);
            notes = List.copyOf(notes);
        }

        public static Answer failed(String org, String orgName, String error) {
            return new Answer(org, orgName, List.of(), List.of(), false, error);
        }
    }

    /** A search's progress, from any thread. */
    interface Listener {
        /** One organization answered (or failed); {@code done} of {@code total} have. */
        void answered(Answer answer, int done, int total);

        /** Called once, after every answer or at a cancel. */
        void finished(boolean cancelled);
    }

    /** A running search. */
    @FunctionalInterface
    interface Search {
        /** Stops the search within moments (requests in flight are cancelled); no more answers come. */
        void cancel();
    }
}
