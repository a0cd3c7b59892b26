package org.chartlens.ui.port;

import java.util.function.Consumer;

/**
 * The one signal of what changed in the state the views show: the user's organizations, a
 * sign-in, a sync's progress and end (the cache's contents). The app layer publishes; view
 * models subscribe, hop to the FX thread themselves and re-read what they show through the other
 * ports, so no view needs a reload button. Thread safe; listeners are called on the publishing
 * thread (any thread) and must return quickly.
 */
public interface ChangesPort {
    /** Nothing is ever published (modes where nothing changes behind the views). */
    ChangesPort NONE = listener -> () -> { };

    /** What changed. */
    enum Kind {
        /** An organization was added, edited or removed. */
        ORGANIZATIONS,
        /** An organization's sign-in changed (signed in, out, or a sign-in failed). */
        SIGN_IN,
        /** A sync of the organization reported progress: the cache has new resources. */
        SYNCING,
        /** A sync of the organization ended; {@code detail} is null on success, else what stopped it. */
        SYNCED,
        /** Records were linked, unlinked or found not to be the same person ({@link PersonsPort}). */
        PERSONS,
        /** The referral list changed, or retention purged charts from the cache (issue 17). */
        REFERRALS
    }

    /**
     * One change.
     *
     * @param org    the organization concerned, or null for several
     * @param detail for {@link Kind#SYNCING} a short progress line without PHI ("3 of 12 patients, 420
     *               resources"), for {@link Kind#SYNCED} the failure in plain words or null; else null
     */
    record Change(Kind kind, String org, String detail) {
    }

    /** Registers a listener; closing the returned handle removes it. */
    Subscription subscribe(Consumer<Change> listener);

    /** A registration; {@link #close()} ends it. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
