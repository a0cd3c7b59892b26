package org.chartlens.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The encrypted local cache: one SQLite3MultipleCiphers file (AES-256, page-level, including
 * the WAL) holding raw FHIR JSON plus the indexed columns the views need, the sync
 * state (cursors, freshness, per-patient last sync) and the append-only audit log.
 *
 * <p>A facade over the cache's parts, each with one job: {@link CacheFile} (the file and its
 * key), {@link CacheConnections} (writer, readers, transactions), {@link ResourceRows},
 * {@link SyncState} (cursors, freshness, last sync), {@link AuditLog}, {@link Retention}
 * (purges, integrity) and {@link PersonLinks} (persons: links, rejected pairs, warnings).
 *
 * <p>Thread safe. Reads go through a small pool of connections and run concurrently with a
 * write (WAL); writes are serialised: one {@link CacheBatch} at a time. Every method does disk
 * I/O and decryption, so never call one on the FX thread. Opening costs a few milliseconds.
 */
public final class ChartCache implements ChartStore {

    /** Page size of caches created from now on; an existing file keeps the one it has. */
    static final int PAGE_SIZE = CacheFile.PAGE_SIZE;

    private final CacheConnections db;
    private final ResourceRows resources;
    private final SyncState syncState;
    private final AuditLog auditLog;
    private final Retention retention;
    private final PersonLinks persons;
    private final ReviewMarks reviews;
    private final ReconcileMarks reconcileMarks;
    private final Referrals referrals;

    private ChartCache(CacheConnections db) {
        this.db = db;
        this.resources = new ResourceRows(db);
        this.syncState = new SyncState(db);
        this.auditLog = new AuditLog(db);
        this.retention = new Retention(db, auditLog);
        this.persons = new PersonLinks(db, auditLog);
        this.reviews = new ReviewMarks(db, auditLog);
        this.reconcileMarks = new ReconcileMarks(db, auditLog);
        this.referrals = new Referrals(db, auditLog);
        db.listen(auditLog);
    }

    /** A cache over connections already opened and migrated (the plain write baseline). */
    static ChartCache wrap(CacheConnections db) {
        return new ChartCache(db);
    }

    /**
     * Opens (creating if absent) the cache at {@code file} with a raw 32-byte key, keeping no
     * audit head outside it (tests, the benchmark; the app uses {@link #open(Path, byte[],
     * AuditHeadStore)}).
     *
     * @throws CacheOpenException as {@link #open(Path, byte[], AuditHeadStore)}
     */
    /**
     * Loads SQLite's native library (extracted from its jar on first use in a process, about a
     * tenth of a second in a cold JVM) on a daemon thread, so that a later {@link #open} finds it
     * loaded. Returns at once; a failure is left for {@link #open} to report (issue 21).
     */
    public static void loadLibraryInBackground() {
        Thread t = new Thread(CacheFile::loadLibrary, "cache-library");
        t.setDaemon(true);
        t.start();
    }

    public static ChartCache open(Path file, byte[] key) {
        return open(file, key, AuditHeadStore.NONE);
    }

    /**
     * Opens (creating if absent) the cache at {@code file} with a raw 32-byte key; the audit
     * chain's head is kept in {@code heads} too. A cache written before the chain gets its events
     * chained once, here.
     *
     * @throws CacheOpenException with {@link CacheOpenException.Reason#WRONG_KEY} when the key is
     *         missing or wrong, {@code CORRUPT} when the file is damaged, {@code NEWER_VERSION}
     *         when a newer ChartLens wrote it
     */
    public static ChartCache open(Path file, byte[] key, AuditHeadStore heads) {
        return open(file, key, heads, CacheCipher.CURRENT);
    }

    /** As {@link #open(Path, byte[], AuditHeadStore)} with a given cipher (the cipher probe). */
    static ChartCache open(Path file, byte[] key, AuditHeadStore heads, CacheCipher cipher) {
        if (key == null || key.length != 32) {
            throw new CacheOpenException(CacheOpenException.Reason.WRONG_KEY,
                    "The local cache needs its 32-byte key; none was given.", null);
        }
        Path absolute = file.toAbsolutePath();
        SQLiteConfig config = cipher.config(key);
        Connection writer;
        try {
            writer = CacheFile.openWriter(absolute, config);
        } catch (CacheOpenException e) {
            // a cache written with the previous, unauthenticated cipher is re-keyed once
            if (e.reason() != CacheOpenException.Reason.WRONG_KEY || cipher != CacheCipher.CURRENT
                    || !CacheMigration.toCurrent(absolute, key)) {
                throw e;
            }
            writer = CacheFile.openWriter(absolute, config);
        }
        try {
            boolean newFile = Schema.migrate(writer) == 0;
            CacheFile.ownerOnly(absolute);
            ChartCache cache = new ChartCache(new CacheConnections(absolute, config, writer));
            try {
                cache.auditLog.attach(heads, newFile);
            } catch (RuntimeException e) {
                cache.close();
                throw e;
            }
            return cache;
        } catch (SQLException e) {
            CacheFile.closeQuietly(writer);
            throw CacheFile.translate(e);
        } catch (RuntimeException e) {
            CacheFile.closeQuietly(writer);
            throw e;
        }
    }

    /**
     * Moves a damaged cache aside, never deleting it: {@code cache.db} becomes
     * {@code cache.db.damaged-<UTC timestamp>}, its {@code -wal} and {@code -shm} alike, so that a
     * new cache can be created in its place. Returns the moved file, or null when there was none.
     * Call only while no connection has it open.
     */
    public static Path moveAside(Path file, Instant now) throws java.io.IOException {
        if (!java.nio.file.Files.exists(file)) {
            return null;
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        Path aside = Path.of(file + ".damaged-" + stamp);
        for (int n = 2; java.nio.file.Files.exists(aside); n++) {
            aside = Path.of(file + ".damaged-" + stamp + "-" + n);
        }
        for (String suffix : new String[] {"-wal", "-shm", ""}) {
            Path from = Path.of(file + suffix);
            if (java.nio.file.Files.exists(from)) {
                java.nio.file.Files.move(from, Path.of(aside + suffix));
            }
        }
        return aside;
    }

    static SQLiteConfig keyedConfig(byte[] key) {
        return CacheFile.keyedConfig(key);
    }

    public Path file() {
        return db.file();
    }

    // ------------------------------------------------------------------ resources

    /**
     * Starts a write transaction. Only one batch is open at a time (others wait); commit with
     * {@link CacheBatch#commit()}, and always close it (closing without commit rolls back).
     */
    public CacheBatch begin() {
        Connection c = db.beginBatch();
        try {
            return new CacheBatch(db, auditLog, c);
        } catch (SQLException e) {
            db.endBatch();
            throw new CacheException("Cannot start a cache write", e);
        }
    }

    /** Stores resources in one transaction; convenience over {@link #begin()}. */
    public void putAll(List<StoredResource> resources) {
        try (CacheBatch b = begin()) {
            for (StoredResource r : resources) {
                b.put(r, null);
            }
            b.commit();
        }
    }

    @Override
    public List<CachedPatient> patients() {
        return resources.patients();
    }

    @Override
    public List<StoredResource> chart(String org, String patientId) {
        return resources.chart(org, patientId);
    }

    @Override
    public Optional<StoredResource> resource(String org, String type, String id) {
        return resources.resource(org, type, id);
    }

    @Override public List<org.chartlens.domain.RawResource> labelledResources() { return resources.labelled(); }
    @Override public List<org.chartlens.domain.RawResource> codedResources() { return resources.coded(); }

    /** Organizations that have anything cached, in id order. */
    public List<String> organizations() {
        return resources.organizations();
    }

    /** Number of cached resources per type for one organization (all patients + shared). */
    public Map<String, Integer> countsByType(String org) {
        return resources.countsByType(org);
    }

    /** Number of cached resources per type in one patient's compartment (shared ones excluded). */
    @Override
    public Map<String, Integer> countsByType(String org, String patientId) {
        return resources.countsByType(org, patientId);
    }

    /** Ids of one patient's cached resources of one type (id-only reconciliation). */
    public Set<String> chartIds(String org, String patientId, String type) {
        return resources.chartIds(org, patientId, type);
    }

    /**
     * One patient's resources the server no longer has (found by a sync's id-only reconciliation),
     * by type then id, each with when the removal was noticed; those received again are left out.
     */
    public List<RemovedResource> removed(String org, String patientId) {
        return resources.removed(org, patientId).stream()
                .map(r -> new RemovedResource(r[0], r[1], Instant.ofEpochMilli(Long.parseLong(r[2])))).toList();
    }

    /** A resource removed at the server: its type and id, and when a sync noticed. */
    public record RemovedResource(String type, String id, Instant noticedAt) {
    }

    /** Ids of the shared resources (Practitioner, ...) of one organization already cached. */
    public Set<String> sharedIds(String org, String type) {
        return resources.sharedIds(org, type);
    }

    // ------------------------------------------------------------------ persons

    /** Persons: link, reject, unlink (audited), linked persons, rejected pairs (decision 0602). */
    public PersonLinks persons() {
        return persons;
    }

    /** Review marks per reviewer and record (issue 17): mark (audited), the last mark, the reviewed JSON. */
    public ReviewMarks reviews() { return reviews; }

    /** Reconciliation marks per reviewer (issue 17 section 3). */
    public ReconcileMarks reconcileMarks() { return reconcileMarks; }

    /** The referral list (issue 17, the clinic day): add, change, remove (audited), list. */
    public Referrals referrals() { return referrals; }
    // the read contract of ChartStore over ReviewMarks
    @Override public Optional<org.chartlens.domain.ReviewMark> lastReview(String who, org.chartlens.domain.PatientRef r) { return reviews.last(who, r); }
    @Override public Optional<String> reviewedJson(String contentHash) { return reviews.reviewedJson(contentHash); }
    @Override public Map<org.chartlens.domain.PatientRef, Instant> lastReviewed(String who) { return reviews.lastReviewed(who); }

    @Override public org.chartlens.domain.Person personOf(org.chartlens.domain.PatientRef record) { return persons.personOf(record); }
    @Override public Optional<org.chartlens.domain.Person> person(String personId) { return persons.person(personId); }

    // ------------------------------------------------------------------ sync state

    @Override
    public List<Freshness> freshness(String org) {
        return syncState.freshness(org);
    }

    /** The {@code _lastUpdated} cursor of org x patient x type ("" patient: organization-wide). */
    public Optional<String> cursor(String org, String patientId, String type) {
        return syncState.cursor(org, patientId, type);
    }

    /** The patients (not "") holding a cursor named {@code type} at the organization (a bulk group's patients). */
    public List<String> patientsWithCursor(String org, String type) {
        return syncState.patientsWithCursor(org, type);
    }

    /** When one patient's sync at one organization last completed (one indexed lookup). */
    @Override
    public Optional<Instant> lastSynced(String org, String patientId) {
        return syncState.lastSynced(org, patientId);
    }

    /** Records a complete pull of one organization x type. */
    public void recordSuccess(String org, String type, Instant at) {
        syncState.recordSuccess(org, type, at);
    }

    /** Records a failed pull (plain-words reason, no PHI); keeps the last success. */
    public void recordFailure(String org, String type, String reason, Instant at) {
        syncState.recordFailure(org, type, reason, at);
    }

    /** Records a type as "unsupported" (server lacks it) or "not-granted" (scope missing). */
    public void recordUnavailable(String org, String type, String state, String reason, Instant at) {
        syncState.recordUnavailable(org, type, state, reason, at);
    }

    // ------------------------------------------------------------------ audit log

    /**
     * Appends one audit event (who = the OS user and the reviewer, when = now, from the default
     * source). No PHI bodies or tokens: the patient is named by its id only.
     */
    public void audit(String event, String org, String patientId, String detail) {
        auditLog.audit(event, org, patientId, detail, null);
    }

    /** Appends one audit event from a named command or view (e.g. "cli:show", "view:chart"). */
    public void audit(String event, String org, String patientId, String detail, String source) {
        auditLog.audit(event, org, patientId, detail, source);
    }

    /** Appends one event of a known kind ({@link AuditAction}) from a named command or view. */
    public void audit(AuditAction action, String org, String patientId, String detail, String source) {
        auditLog.audit(action.key(), org, patientId, detail, source);
    }

    /** The reviewer's display name recorded with the events from now on (null: none). */
    public void auditReviewer(String displayName) {
        auditLog.reviewer(displayName);
    }

    /** The command or view recorded with events that name none (e.g. "desktop", "cli:sync"). */
    public void auditSource(String commandOrView) {
        auditLog.source(commandOrView);
    }

    /**
     * Events at or after {@code since} about one patient id (at one organization when
     * {@code org} is given), oldest first; null arguments do not filter. For "who looked at
     * this chart".
     */
    public List<AuditEvent> auditEvents(Instant since, String org, String patientId) {
        return auditLog.query(since, org, patientId);
    }

    /**
     * Checks the whole audit chain and the head kept outside the cache; names the first event
     * missing or changed, or says that events were removed at the end. Reads every event.
     */
    public AuditCheck verifyAudit() {
        return auditLog.verify();
    }

    /** True when {@link #verifyAudit()} finds the log intact (for a warning at start). */
    public boolean auditIntact() {
        return verifyAudit().intact();
    }

    /** The audit log, oldest first, between two instants (nulls: unbounded). */
    public List<AuditEvent> auditLog(Instant from, Instant to) {
        return auditLog.between(from, to);
    }

    /** Writes the audit log as CSV (seq,at,who,event,org,patient,detail), oldest first. */
    public void exportAudit(Writer out) throws IOException {
        auditLog.exportCsv(out);
    }

    // ------------------------------------------------------------------ retention, upkeep

    /** Deletes everything cached for one patient at one organization; returns rows removed. */
    public int purgePatient(String org, String patientId) {
        return retention.purgePatient(org, patientId);
    }

    /** Deletes everything cached from one organization, its sync state included. */
    public int purgeOrganization(String org) {
        return retention.purgeOrganization(org);
    }

    /**
     * Retention (issue 17; settings {@code retentionDays}): purges the charts of persons on no
     * referral list not opened for {@code days} days (a never-opened record's clock starts when a
     * purge first sees it), audited from {@code source}; see {@link Retention#purgeUnopened}.
     */
    public Retention.Purged purgeUnopened(int days, Instant now, String source) {
        return retention.purgeUnopened(days, now, source);
    }

    /**
     * The full check of the file ({@code chartlens cache verify}, decision 0380): SQLite's
     * {@code PRAGMA integrity_check}, which reads and authenticates every page in use. "ok", or
     * SQLite's first findings. Costs one read of the whole file (1-3 s for 116 MB on the loaded
     * 2-core build machine). Blocking.
     *
     * @throws CacheException {@linkplain CacheException#damaged() damaged} when a page was changed on disk
     */
    public String integrityCheck() {
        return retention.integrityCheck();
    }

    /** The file's page size in bytes (fixed when the file was created). */
    int pageSize() {
        return retention.pageSize();
    }

    /**
     * Copies the WAL into the database file on a background thread, so that the next big write
     * (the next sync) does not pay for this one's checkpoint. Returns at once; cheap to call.
     */
    public void checkpointInBackground() {
        db.checkpointInBackground();
    }

    /**
     * Waits for the background checkpoint, if one runs (the bench, so that a figure measured
     * after a sync does not share the CPU with that sync's checkpoint).
     */
    public void awaitCheckpoint() {
        db.awaitCheckpoint();
    }

    /** Closes every connection; safe to call twice. Waits for a running batch. */
    @Override
    public void close() {
        db.close();
    }
}
