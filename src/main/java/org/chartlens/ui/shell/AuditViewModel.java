package org.chartlens.ui.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.store.AuditCheck;
import org.chartlens.store.AuditEvent;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.AuditPort;

/**
 * The Audit view's state, for a privacy officer's "who looked at this chart": the events (oldest
 * first) filtered by patient ({@code ID} or {@code ORG:ID}) and first day, and the chain's check
 * on top. Reading and checking run on the task executor. Properties: FX thread. Testable without
 * a stage.
 */
public final class AuditViewModel {
    private final AuditPort port;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final StringProperty patient = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper("Checking the audit log…");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Reading the audit log…");

    public AuditViewModel(AuditPort port, TaskExecutor tasks, ZoneId zone) {
        this.port = port;
        this.tasks = tasks;
        this.zone = zone;
    }

    /** What one load found. */
    private record Loaded(AuditCheck check, List<AuditEvent> events) {
    }

    /** Checks the chain and reads the events matching the filters, in the background. */
    public void refresh() {
        String[] who = patientFilter(patient.get());
        LocalDate day = since.get();
        Instant from = day == null ? null : day.atStartOfDay(zone).toInstant();
        boolean filtered = who[1] != null || from != null;
        tasks.submit(() -> new Loaded(port.verify(), port.events(from, who[0], who[1])), loaded -> {
            verification.set(loaded.check().message());
            intact.set(loaded.check().intact());
            events.setAll(loaded.events());
            summary.set(count(loaded.events().size()) + (filtered ? " match the filter" : " in the log"));
            emptyText.set(filtered ? "No audit events for this patient and date. Clear the filter to see every event."
                    : "The audit log is empty: nothing has been recorded yet.");
        }, e -> {
            verification.set("The audit log could not be read: " + (e.getMessage() == null ? "" : e.getMessage()));
            intact.set(false);
            events.clear();
            summary.set("");
            emptyText.set("The audit log could not be read.");
        });
    }

    /** Empties both filters and reloads. */
    public void clearFilter() {
        patient.set("");
        since.set(null);
        refresh();
    }

    /** {org, patient id} from "ID" or "ORG:ID" (FHIR ids have no ':'); nulls when blank. */
    static String[] patientFilter(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = t.lastIndexOf(':');
        return colon > 0 ? new String[] {t.substring(0, colon), t.substring(colon + 1)} : new String[] {null, t};
    }

    static String count(int n) {
        return n == 1 ? "1 event" : n + " events";
    }

    /** The patient filter: a FHIR id, or ORG:ID. */
    public StringProperty patientProperty() {
        return patient;
    }

    /** The first day shown (local time), or null for every day. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    /** The events shown, oldest first. */
    public ObservableList<AuditEvent> events() {
        return events;
    }

    /** The check's one sentence (intact, or the first event missing or changed). */
    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
    }

    /** "3 events match the filter". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the table says when it has no rows, and why. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
