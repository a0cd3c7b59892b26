package org.chartlens.ui.persons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.PersonsPort;
import org.chartlens.ui.port.PersonsPort.Proposal;

/**
 * The candidate dialog's state (issue 14): the proposed links one at a time (all of them, or
 * those of one person), and the user's choice for each: link, not the same person, or later.
 * Every choice goes through {@link PersonsPort} (audited there, source {@value #SOURCE}) off the
 * FX thread, then the proposals are read again (a link can make others moot). "Later" keeps a
 * proposal pending and moves on. Properties: FX thread. Testable without a stage.
 */
public final class CandidatesViewModel {
    /** The audit source of every choice made here. */
    public static final String SOURCE = "view:worklist";

    private final PersonsPort persons;
    private final TaskExecutor tasks;
    /** The records whose proposals are shown (null: every proposal); grows as they are linked. */
    private Set<PatientRef> focus;
    private final Set<String> later = new HashSet<>();
    private final List<Proposal> queue = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Proposal> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Reading the possible matches…");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper decided = new ReadOnlyIntegerWrapper();
    private Runnable onChanged = () -> { };

    public CandidatesViewModel(PersonsPort persons, TaskExecutor tasks) {
        this.persons = persons;
        this.tasks = tasks;
    }

    /** Reads the proposals: those of {@code records}' person, or every proposal when null. FX thread. */
    public void load(List<PatientRef> records) {
        focus = records == null ? null : new LinkedHashSet<>(records);
        read(null);
    }

    /** Links the pair shown. Asks nothing: a view asks first when {@link Proposal#needsConfirmation()}. */
    public void link() {
        Proposal p = current.get();
        if (p == null || busy.get()) {
            return;
        }
        if (focus != null) {
            focus.add(p.a().ref());
            focus.add(p.b().ref());
        }
        act(() -> persons.link(p.a().ref(), p.b().ref(), SOURCE), "Linked: " + p.a().name() + " at " + p.a().organization()
                + " and " + p.b().name() + " at " + p.b().organization() + " are one person now."
                + (p.needsConfirmation() ? " The difference is kept as a warning on the person." : ""));
    }

    /** "Not the same person": remembered, never proposed again. */
    public void reject() {
        Proposal p = current.get();
        if (p == null || busy.get()) {
            return;
        }
        act(() -> persons.reject(p.a().ref(), p.b().ref(), SOURCE), "Kept apart: " + p.a().name() + " at "
                + p.a().organization() + " and " + p.b().name() + " at " + p.b().organization()
                + " will not be proposed again.");
    }

    /** Leaves the pair for later (still pending, still counted) and shows the next one. */
    public void later() {
        Proposal p = current.get();
        if (p == null || busy.get()) {
            return;
        }
        later.add(key(p));
        queue.remove(p);
        queue.add(p);
        message.set("Left for later.");
        showFirst();
    }

    private void act(Runnable change, String done) {
        busy.set(true);
        tasks.submit(() -> {
            change.run();
            return persons.snapshot();
        }, snapshot -> {
            decided.set(decided.get() + 1);
            show(snapshot, done);
            onChanged.run();
        }, e -> {
            busy.set(false);
            message.set("This could not be saved: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
    }

    private void read(String done) {
        busy.set(true);
        tasks.submit(persons::snapshot, s -> show(s, done), e -> {
            busy.set(false);
            message.set("The possible matches could not be read.");
        });
    }

    private void show(PersonsPort.Snapshot snapshot, String done) {
        busy.set(false);
        queue.clear();
        List<Proposal> deferred = new ArrayList<>();
        for (Proposal p : snapshot.proposals()) {
            if (focus != null && !focus.contains(p.a().ref()) && !focus.contains(p.b().ref())) {
                continue;
            }
            (later.contains(key(p)) ? deferred : queue).add(p);
        }
        queue.addAll(deferred);
        message.set(done == null ? "" : done);
        showFirst();
    }

    private void showFirst() {
        Proposal next = queue.stream().filter(p -> !later.contains(key(p))).findFirst().orElse(null);
        current.set(next);
        long waiting = queue.stream().filter(p -> !later.contains(key(p))).count();
        if (next != null) {
            position.set("Possible match " + (queue.indexOf(next) + 1) + " of " + queue.size());
        } else if (queue.isEmpty()) {
            position.set("Nothing to review");
        } else {
            position.set("Nothing else to review now: " + queue.size() + " left for later");
        }
        if (waiting == 0 && message.get().isEmpty()) {
            message.set(queue.isEmpty() ? "There are no possible matches to review." : "");
        }
    }

    private static String key(Proposal p) {
        return p.a().ref().qualified() + "|" + p.b().ref().qualified();
    }

    /** Runs (FX thread) after each link or rejection was saved, so the worklist can re-read. */
    public void setOnChanged(Runnable r) {
        onChanged = r;
    }

    /** The proposal shown, or null when none is left (but those left for later). */
    public ReadOnlyObjectProperty<Proposal> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "Possible match 1 of 3", "Nothing else to review now: 1 left for later". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** What the last choice did, in words, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A read or a choice is being saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How many links and rejections were saved here. */
    public ReadOnlyIntegerProperty decidedProperty() {
        return decided.getReadOnlyProperty();
    }

    /** The proposals in the order shown (those left for later last). */
    public List<Proposal> queue() {
        return List.copyOf(queue);
    }
}
