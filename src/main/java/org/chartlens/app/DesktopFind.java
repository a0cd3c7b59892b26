package org.chartlens.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.chartlens.connect.Organization;
import org.chartlens.fhir.FhirException;
import org.chartlens.sync.PatientQuery;
import org.chartlens.ui.port.FindPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's {@link FindPort} over {@link FindPatients} (the same search as {@code chartlens
 * find}): one organization, or every signed-in one at once, each on a {@code find-<org>} thread of
 * its own; a cancel interrupts them, which cancels their requests in flight. Recorded in the audit
 * log from {@code view:find}. Thread safe.
 */
final class DesktopFind implements FindPort {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopFind.class);
    static final String SOURCE = "view:find";

    private final ChartLensContext ctx;
    /** The organization ready to talk to (the demo's embedded EHR started). */
    private final Function<String, Organization> resolve;
    private final Supplier<Boolean> locked;

    DesktopFind(ChartLensContext ctx, Function<String, Organization> resolve, Supplier<Boolean> locked) {
        this.ctx = ctx;
        this.resolve = resolve;
        this.locked = locked;
    }

    @Override
    public List<Organization> searchable() {
        if (locked.get()) {
            return List.of();
        }
        List<Organization> out = new ArrayList<>();
        for (Organization o : ctx.organizations().added()) {
            if (ctx.auth().status(o).signedIn()) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public Search find(Criteria criteria, String orgId, Listener listener) {
        PatientQuery query = new PatientQuery(criteria.name(), null, null, criteria.birthDate(), criteria.sex(),
                criteria.identifier());
        List<Organization> targets = orgId == null ? searchable() : List.of(ctx.organizations().require(orgId));
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                listener.finished(cancelled.get());
            }
        };
        if (targets.isEmpty()) {
            end.run();
            return () -> { };
        }
        for (Organization target : targets) {
            Thread t = new Thread(() -> {
                Answer a = answer(target, query);
                if (cancelled.get()) {
                    return;
                }
                listener.answered(a, done.incrementAndGet(), targets.size());
                if (done.get() == targets.size()) {
                    end.run();
                }
            }, "find-" + target.id());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        return () -> {
            if (cancelled.compareAndSet(false, true)) {
                threads.forEach(Thread::interrupt); // the transport cancels the exchange in flight
                end.run();
            }
        };
    }

    /** One organization's answer, its failure in words (never thrown: the others go on). */
    private Answer answer(Organization listed, PatientQuery query) {
        String name = listed.name();
        try {
            Organization org = resolve.apply(listed.id());
            FindPatients.Result r = FindPatients.search(ctx, org, query, SOURCE);
            return new Answer(org.id(), name, r.candidates(), r.found().unsupported(), r.found().more(), null);
        } catch (FindPatients.NotSignedIn e) {
            return Answer.failed(listed.id(), name, "Not signed in to " + name + ": sign in under Organizations (Ctrl+2).");
        } catch (IllegalArgumentException | FhirException e) {
            return Answer.failed(listed.id(), name, e.getMessage());
        } catch (CancellationException e) {
            return Answer.failed(listed.id(), name, "Search cancelled.");
        } catch (RuntimeException e) {
            // the type only: a message may carry data from the server
            LOG.warn("A patient search at {} failed ({})", listed.id(), e.getClass().getSimpleName());
            return Answer.failed(listed.id(), name, name + " could not be searched"
                    + (e.getMessage() == null ? "." : ": " + e.getMessage()));
        }
    }
}
