package org.chartlens.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (I/O, parsing, building view models) off the FX thread and delivers the
 * outcome with exactly one hand-over per task. Implementations are thread safe.
 */
public interface TaskExecutor {

    /**
     * @param work      the slow part; runs on a background thread
     * @param onSuccess receives the result on the FX thread (same thread for tests)
     * @param onFailure receives the failure on the FX thread
     * @return a handle to cancel; cancelling suppresses both callbacks
     */
    <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** A way to cancel one submitted task. */
    interface Cancellable {
        void cancel();

        boolean isCancelled();
    }
}
