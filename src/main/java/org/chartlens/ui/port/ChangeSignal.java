package org.chartlens.ui.port;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChangesPort} the app layer publishes on (and tests drive): every listener gets every
 * change, on the publishing thread. A listener that throws does not stop the others. Thread safe.
 */
public final class ChangeSignal implements ChangesPort {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeSignal.class);
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener. */
    public void publish(Change change) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                // a view's mistake must not break a sync or a sign-in; the view re-reads at its next change
                LOG.warn("A view failed to take a {} change ({})", change.kind(), e.getClass().getSimpleName());
            }
        }
    }

    public void publish(Kind kind, String org, String detail) {
        publish(new Change(kind, org, detail));
    }
}
