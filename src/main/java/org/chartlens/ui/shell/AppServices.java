package org.chartlens.ui.shell;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chartlens.connect.Organization;
import org.chartlens.store.ChartStore;

/**
 * Everything the UI needs from the rest of ChartLens, implemented by the composition root in
 * {@code app}. Implementations must be thread safe. Methods marked "blocking" do I/O and are only
 * ever called by the UI from its {@code TaskExecutor}, never on the FX thread; the others must
 * return at once.
 */
public interface AppServices {

    /** The read side of the cache; throws {@link IllegalStateException} while locked. Cheap. */
    ChartStore store();

    /** Every configured organization, presets first. Blocking. */
    List<Organization> organizations();

    /** The organization presets shipped with ChartLens (for "Add your organization"). Blocking. */
    List<Organization> presets();

    /** Adds or replaces an organization (the user's edit). Blocking. */
    Organization saveOrganization(Organization org);

    /** Sign-in state of one organization. Blocking (reads the secret store). */
    OrganizationStatus status(String orgId);

    /**
     * Signs in interactively (system browser + loopback callback). Blocking until done,
     * refused or cancelled.
     *
     * @throws Exception with a plain-words message on failure (shown to the user as is)
     */
    OrganizationStatus signIn(String orgId) throws Exception;

    /** Signs out: revokes where supported, forgets tokens. Blocking. */
    void signOut(String orgId);

    /**
     * Starts a background sync of one organization (one patient when {@code patientId} is not
     * null). Returns at once; the listener is called from the sync's threads (the UI hops to
     * the FX thread itself).
     */
    SyncHandle startSync(String orgId, String patientId, SyncListener listener);

    /**
     * Opens the demo organization end to end: starts the embedded demo EHR if needed, signs in
     * (no browser needed), syncs, and returns the first demo patient's id. Blocking.
     */
    PatientRef openDemo(SyncListener listener) throws Exception;

    /** Current settings. Cheap. */
    Settings settings();

    /** Saves settings. Blocking. */
    void saveSettings(Settings settings);

    /** Where ChartLens keeps its data (shown in Help and Settings). Cheap. */
    Path dataDirectory();

    /** True when a passphrase has been set (otherwise unlock is an OS-user confirmation). Cheap. */
    boolean hasPassphrase();

    /**
     * True when a passphrase protects the secrets but none has been chosen yet (first run on a
     * computer without an OS secret store): the unlock screen then asks the user to choose one.
     * Cheap.
     */
    default boolean passphraseIsNew() {
        return false;
    }

    /**
     * Drops keys and tokens from memory (auto-lock, or the user's Lock action). After this,
     * {@link #store()} throws until {@link #unlock} succeeds. Must return quickly.
     */
    void lock();

    /** Re-opens keys with the passphrase. Blocking (key derivation). */
    boolean unlock(char[] passphrase);

    /** Opens a file with the operating system's viewer (after the user confirmed). */
    void openExternally(Path file);

    /** One patient at one organization. */
    record PatientRef(String org, String id) {
    }

    /**
     * Sign-in state as the Organizations panel shows it.
     *
     * @param signedIn        whether a usable token (or refresh token) is held
     * @param signedInAs      fhirUser / user name, or null
     * @param patient         the patient in context (patient-scoped sign-in), or null
     * @param grantedScopes   scopes the server granted
     * @param refusedScopes   requested but not granted
     * @param tokenExpires    access token expiry, or null
     * @param refreshExpires  refresh token expiry, or null (unknown or none)
     * @param lastError       plain-words last error, or null
     */
    record OrganizationStatus(boolean signedIn, String signedInAs, String patient,
                              List<String> grantedScopes, List<String> refusedScopes,
                              Instant tokenExpires, Instant refreshExpires, String lastError) {
        public static OrganizationStatus signedOut(String lastError) {
            return new OrganizationStatus(false, null, null, List.of(), List.of(), null, null, lastError);
        }
    }

    /** Sync progress, delivered as coarse snapshots. */
    interface SyncListener {
        /**
         * @param type    resource type being pulled, or null for overall messages
         * @param done    resources of that type so far
         * @param overall 0..1 overall progress, or -1 when unknown
         */
        void progress(String org, String type, int done, double overall);

        /** Called once at the end; {@code error} is null on success (plain words otherwise). */
        void finished(String org, String error);
    }

    /** A running sync. */
    interface SyncHandle {
        void cancel();
    }

    /**
     * User settings.
     *
     * @param units            vital-sign units
     * @param darkTheme        dark theme on
     * @param autoLockMinutes  idle minutes before auto-lock (0 = never; default 10)
     * @param retentionDays    cached data older than this is removed (0 = keep)
     * @param dataFolder       the data folder (change takes effect on restart)
     */
    record Settings(org.chartlens.domain.UnitSystem units, boolean darkTheme, int autoLockMinutes,
                    int retentionDays, Path dataFolder) {
        public static Settings defaults(Path dataFolder) {
            return new Settings(org.chartlens.domain.UnitSystem.METRIC, false, 10, 0, dataFolder);
        }
    }

    /** Convenience for views: the status of an organization when known. */
    default Optional<Organization> organization(String id) {
        return organizations().stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
