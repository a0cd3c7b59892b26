package org.chartlens.ui.worklist;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Referral;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.ReferralsPort;

/**
 * The referral list beside the worklist (issue 17, the clinic day): who is due when and why, by
 * due day, overdue and due today in words, with the worklist's "new since your review" beside each.
 * Reads and changes through {@link ReferralsPort} on the task executor; properties and the list
 * change on the FX thread. Testable without a stage.
 */
public final class ReferralsViewModel {
    /** The source recorded with the list's changes in the audit log. */
    public static final String SOURCE = "view:referrals";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    /**
     * One line of the list.
     *
     * @param dueText     "Fri 12 Dec 2026"
     * @param when        "Overdue by 2 days", "Due today", "Tomorrow" or "In 5 days"
     * @param urgency     2 overdue, 1 today, 0 later (the row's colour; the words say it too)
     * @param sinceReview "3 new since 14 Nov", "Not reviewed yet"
     */
    public record Row(ReferralsPort.Entry entry, String dueText, String when, int urgency, String sinceReview) {
    }

    private final ReferralsPort port;
    private final TaskExecutor tasks;
    private final Function<PatientRef, String> sinceReview;
    private final Supplier<LocalDate> today;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tabTitle = new ReadOnlyStringWrapper("Referrals");

    /**
     * @param sinceReview the worklist's note for a record ("" when the reviewer has not reviewed it)
     * @param today       the day "due today" is about
     */
    public ReferralsViewModel(ReferralsPort port, TaskExecutor tasks, Function<PatientRef, String> sinceReview,
                              Supplier<LocalDate> today) {
        this.port = port;
        this.tasks = tasks;
        this.sinceReview = sinceReview;
        this.today = today;
    }

    /** Reads the list again (after each worklist read, and after a change made here). FX thread. */
    public void refresh() {
        tasks.submit(port::list, this::show, e -> status.set("The referral list could not be read."));
    }

    private void show(List<ReferralsPort.Entry> list) {
        LocalDate day = today.get();
        rows.setAll(list.stream().map(e -> row(e, day)).toList());
        long overdue = rows.stream().filter(r -> r.urgency() == 2).count();
        long due = rows.stream().filter(r -> r.urgency() == 1).count();
        status.set(rows.isEmpty() ? "" : rows.size() + (rows.size() == 1 ? " person" : " persons") + " on the list"
                + (due > 0 ? ", " + due + " due today" : "") + (overdue > 0 ? ", " + overdue + " overdue" : ""));
        tabTitle.set(due + overdue > 0 ? "Referrals (" + (due + overdue) + " due)" : "Referrals");
    }

    Row row(ReferralsPort.Entry e, LocalDate day) {
        String words = Referral.dueWords(e.due(), day);
        int urgency = words.startsWith("overdue") ? 2 : words.isEmpty() ? 0 : 1;
        long days = java.time.temporal.ChronoUnit.DAYS.between(day, e.due());
        String when = urgency > 0 ? Character.toUpperCase(words.charAt(0)) + words.substring(1)
                : days == 1 ? "Tomorrow" : "In " + days + " days";
        String note = e.records().stream().map(sinceReview).filter(s -> s != null && !s.isEmpty()).findFirst()
                .orElse("Not reviewed yet");
        return new Row(e, DAY.format(e.due()), when, urgency, note);
    }

    /** The list's entry of the person holding any of {@code records}, if listed. FX thread. */
    public Optional<ReferralsPort.Entry> entryOf(List<PatientRef> records) {
        return rows.stream().map(Row::entry).filter(e -> e.records().stream().anyMatch(records::contains)).findFirst();
    }

    /** Puts a person on the list, or changes their entry when already listed; then reads again. FX thread. */
    public void save(List<PatientRef> records, LocalDate due, String reason, Runnable done,
                     java.util.function.Consumer<String> failed) {
        boolean listed = entryOf(records).isPresent();
        PatientRef first = records.get(0);
        tasks.submit(() -> {
            if (listed) {
                port.change(first, due, reason, SOURCE);
            } else {
                port.add(first, due, reason, SOURCE);
            }
            return null;
        }, ok -> {
            refresh();
            done.run();
        }, e -> failed.accept("The referral list could not be changed: " + e.getMessage()));
    }

    /** Takes the person of a row off the list; then reads again. FX thread. */
    public void remove(Row row) {
        tasks.submit(() -> {
            port.remove(row.entry().records().get(0), SOURCE);
            return null;
        }, ok -> refresh(), e -> status.set("The referral list could not be changed: " + e.getMessage()));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** "3 persons on the list, 1 due today, 1 overdue", or "" when empty (the view shows its empty state). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Referrals", or "Referrals (2 due)" when some are due today or overdue. */
    public ReadOnlyStringProperty titleProperty() {
        return tabTitle.getReadOnlyProperty();
    }
}
