package org.chartlens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;
import org.chartlens.auth.OsKeyringSecretStore;
import org.chartlens.auth.PassphraseSource;
import org.chartlens.auth.SecretStoreException;
import org.chartlens.auth.SecretStores;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartCache;
import org.chartlens.store.ChartStore;
import org.chartlens.ui.port.CachePort;
import org.chartlens.ui.port.LockPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's lock over the composition root: the passphrase the user typed (kept in
 * memory until lock), whether a passphrase or an OS secret store protects the secrets, and the
 * cache, readable only while unlocked. Thread safe.
 */
final class DesktopLock implements LockPort, CachePort {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopLock.class);
    /** The shortest passphrase ChartLens accepts when one is first chosen. */
    static final int MIN_PASSPHRASE = 8;
    /** How long locking waits for cancelled syncs to commit what they received. */
    private static final int SYNC_END_WAIT_SECONDS = 10;

    private final PassphraseHolder passphrase;
    private final ChartLensContext ctx;
    private final Runnable afterUnlock;
    private final Supplier<List<? extends CompletableFuture<?>>> cancelSyncs;
    /** The background closing of the last lock; an unlock waits for it. */
    private volatile CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);
    /** A passphrase (not an OS secret store) protects the secrets; decided once at start. */
    private final boolean usesPassphrase;
    private volatile boolean locked;
    /** The passphrase file exists (checked at start, set at the first unlock): no file I/O when asked on the FX thread. */
    private volatile boolean passphraseChosen;
    /** When wrong passphrases were typed since the last unlock; recorded in the audit log at the next one. */
    private final List<Instant> failedUnlocks = new CopyOnWriteArrayList<>();

    /** The passphrase as the user typed it in the unlock screen; cleared on lock. */
    static final class PassphraseHolder implements PassphraseSource {
        private final AtomicReference<char[]> value = new AtomicReference<>();

        @Override
        public char[] passphrase(boolean creating) {
            char[] v = value.get();
            if (v == null) {
                throw new SecretStoreException("ChartLens is locked: unlock it with your passphrase.", null);
            }
            return v.clone();
        }

        void set(char[] p) {
            clear();
            value.set(p.clone());
        }

        void clear() {
            char[] old = value.getAndSet(null);
            if (old != null) {
                Arrays.fill(old, '\0');
            }
        }
    }

    /**
     * @param afterUnlock runs (on the unlocking thread) after each successful unlock
     * @param cancelSyncs cancels the running syncs (on locking) and returns their ends
     */
    DesktopLock(Path dataDir, Map<String, String> env, PassphraseHolder passphrase, ChartLensContext ctx,
                Runnable afterUnlock, Supplier<List<? extends CompletableFuture<?>>> cancelSyncs) {
        this.passphrase = passphrase;
        this.ctx = ctx;
        this.afterUnlock = afterUnlock;
        this.cancelSyncs = cancelSyncs;
        this.usesPassphrase = usesPassphrase(dataDir, env);
        this.passphraseChosen = Files.exists(dataDir.resolve(SecretStores.FILE_NAME));
    }

    /**
     * Whether secrets live in the passphrase-wrapped file: it exists already, or the user forced
     * it, or (first run) no OS secret store answers.
     */
    private static boolean usesPassphrase(Path dataDir, Map<String, String> env) {
        if (Files.exists(dataDir.resolve(SecretStores.FILE_NAME))) {
            return true;
        }
        if (Files.exists(dataDir.resolve("secrets-keyring.bin"))) {
            return false;
        }
        String choice = env.getOrDefault(SecretStores.ENV, "auto");
        if (choice.equalsIgnoreCase("file")) {
            return true;
        }
        if (choice.equalsIgnoreCase("keyring")) {
            return false;
        }
        return OsKeyringSecretStore.probe(dataDir, Duration.ofSeconds(5)).isEmpty();
    }

    @Override
    public ChartStore store() {
        return cache();
    }

    /** The cache; throws while locked. */
    ChartCache cache() {
        if (locked) {
            throw new IllegalStateException("ChartLens is locked.");
        }
        return ctx.cache();
    }

    boolean isLocked() {
        return locked;
    }

    @Override
    public boolean hasPassphrase() {
        return usesPassphrase;
    }

    @Override
    public boolean passphraseIsNew() {
        return usesPassphrase && !passphraseChosen;
    }

    /**
     * Locks at once (the cache is unreadable from now on, the passphrase gone from memory) and
     * closes in the background: running syncs are cancelled and waited for (they commit what
     * they received), the lock is recorded, then the cache closes and keys and tokens are
     * dropped. Returns at once: called on the FX thread.
     */
    @Override
    public synchronized void lock() {
        locked = true;
        passphrase.clear();
        CompletableFuture<Void> before = closing;
        closing = before.thenRunAsync(this::closeAll, r -> {
            Thread t = new Thread(r, "chartlens-lock");
            t.setDaemon(true);
            t.start();
        });
    }

    private void closeAll() {
        List<? extends CompletableFuture<?>> syncs = cancelSyncs.get();
        try {
            CompletableFuture.allOf(syncs.toArray(new CompletableFuture<?>[0])).get(SYNC_END_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} sync(s) did not end within {} s of being cancelled; closing the cache anyway", syncs.size(),
                    SYNC_END_WAIT_SECONDS);
        } catch (ExecutionException e) {
            // a failed sync has ended too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // recorded before the cache closes; at start (nothing open yet) there is nothing to record
        ctx.openCache().ifPresent(c -> audit(c, AuditAction.LOCK, null));
        ctx.lock();
    }

    /** Waits for the last lock's background closing (an unlock must not race it). */
    private void closed() {
        try {
            closing.get();
        } catch (ExecutionException e) {
            LOG.warn("Closing at lock failed ({})", e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean unlock(char[] typed) {
        closed();
        if (passphraseIsNew() && typed.length < MIN_PASSPHRASE) {
            return false;
        }
        passphrase.set(typed);
        try {
            ctx.secrets().getOrCreateKey(ChartLensContext.CACHE_KEY);
            ChartCache cache = ctx.cache();
            passphraseChosen = true;
            locked = false;
            for (Instant at : failedUnlocks) {
                audit(cache, AuditAction.UNLOCK_FAILED, "wrong passphrase at " + at);
            }
            failedUnlocks.clear();
            audit(cache, AuditAction.UNLOCK, null);
            afterUnlock.run();
            return true;
        } catch (SecretStoreException e) {
            failedUnlocks.add(Instant.now());
            passphrase.clear();
            ctx.lock();
            return false;
        }
    }

    /** Records a lock event; a failure to record is logged and does not stop locking or unlocking. */
    private static void audit(ChartCache cache, AuditAction action, String detail) {
        try {
            cache.audit(action, null, null, detail, "view:lock");
        } catch (RuntimeException e) {
            LOG.warn("The {} could not be recorded in the audit log ({})", action.key(), e.getClass().getSimpleName());
        }
    }
}
