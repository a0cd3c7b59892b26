package org.chartlens.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs the work and its callback on the calling thread: for ViewModel tests (no stage) and for
 * the screenshot command, which is already off any interactive FX loop. Thread safe.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(result);
        return done();
    }

    /** A handle for a task that has already run: nothing left to cancel. */
    static Cancellable done() {
        return new Cancellable() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
