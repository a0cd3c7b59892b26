package org.chartlens.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor}: a small pool of daemon threads; one {@code Platform.runLater}
 * per task result. Thread safe.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskExecutor.class);
    private final ExecutorService pool;

    public BackgroundTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chartlens-ui-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        if (pool.isShutdown()) {
            // closing (the window is going away): a late change signal's re-read is dropped, not thrown
            cancelled.set(true);
            return cancellable(cancelled);
        }
        try {
            pool.submit(() -> {
                if (cancelled.get()) {
                    return;
                }
                try {
                    T result = work.call();
                    Platform.runLater(() -> {
                        if (!cancelled.get()) {
                            onSuccess.accept(result);
                        }
                    });
                } catch (Throwable e) {
                    // The type only: messages may carry data from the server.
                    LOG.warn("Background task failed: {}", e.getClass().getSimpleName());
                    Platform.runLater(() -> {
                        if (!cancelled.get()) {
                            onFailure.accept(e);
                        }
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            cancelled.set(true); // closed between the check and the submit
        }
        return cancellable(cancelled);
    }

    private static Cancellable cancellable(AtomicBoolean cancelled) {
        return new Cancellable() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
