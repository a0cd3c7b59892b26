package org.chartlens.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One refresh per grant across the processes that share a data folder (the desktop app next to
 * {@code chartlens sync}): {@link OrganizationTokens} holds the organization's lock around
 * read-refresh-persist and re-reads the stored session once it holds it, so a single-use refresh
 * token is never sent twice. The lock is an OS file lock on
 * {@code <data dir>/locks/refresh-<org>.lock} (owner-only) plus a JVM-wide lock for the same
 * file (the OS lock is per process). Waiting is bounded. Thread safe.
 */
public interface RefreshLocks {
    /** How long a refresh waits for another one (a token request has a 30 s timeout). */
    Duration WAIT = Duration.ofSeconds(90);

    /** Blocks until this process may refresh {@code organizationId}'s grant. */
    Held acquire(String organizationId, String organizationName) throws AuthException;

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Single process only (tests and tools without a data folder): the per-organization lock in memory. */
    static RefreshLocks inProcess() {
        return (id, name) -> () -> {
        };
    }

    /** Locks in {@code dataDir}, shared with every ChartLens process using that folder. */
    static RefreshLocks inFolder(Path dataDir) {
        return new InFolder(dataDir.toAbsolutePath().normalize().resolve("locks"));
    }

    /** The file-lock implementation. */
    final class InFolder implements RefreshLocks {
        private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
        private final Path dir;

        InFolder(Path dir) {
            this.dir = dir;
        }

        Path fileFor(String organizationId) {
            return dir.resolve("refresh-" + organizationId.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
        }

        @Override
        public Held acquire(String organizationId, String organizationName) throws AuthException {
            Path file = fileFor(organizationId);
            ReentrantLock jvm = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
            long deadline = System.nanoTime() + WAIT.toNanos();
            try {
                if (!jvm.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy(organizationName);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuthException("Sign-in renewal was cancelled.", "cancelled", e);
            }
            FileChannel ch = null;
            try {
                OwnerOnlyFiles.directory(dir);
                ch = OwnerOnlyFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                while ((lock = ch.tryLock()) == null) {
                    if (System.nanoTime() > deadline) {
                        throw busy(organizationName);
                    }
                    Thread.sleep(20);
                }
                FileChannel channel = ch;
                FileLock held = lock;
                return () -> {
                    try {
                        held.release();
                        channel.close();
                    } catch (IOException e) {
                        // closing the channel releases the lock anyway
                    } finally {
                        jvm.unlock();
                    }
                };
            } catch (IOException | AuthException | RuntimeException e) {
                closeQuietly(ch);
                jvm.unlock();
                if (e instanceof AuthException a) {
                    throw a;
                }
                throw new AuthException("ChartLens could not coordinate renewing the sign-in to " + organizationName
                        + " with its other windows (" + e.getClass().getSimpleName() + ").", "storage_failed", e);
            } catch (InterruptedException e) {
                closeQuietly(ch);
                jvm.unlock();
                Thread.currentThread().interrupt();
                throw new AuthException("Sign-in renewal was cancelled.", "cancelled", e);
            }
        }

        private static void closeQuietly(FileChannel ch) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
        }

        private static AuthException busy(String organizationName) {
            return new AuthException("Another ChartLens window is still renewing the sign-in to " + organizationName
                    + ". Please try again in a moment.", "temporarily_unavailable", null);
        }
    }
}
