package org.chartlens.ui.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chartlens.domain.PatientCandidate;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.FindPort;
import org.chartlens.ui.port.SyncPort;

/**
 * "Find a patient": name, birth date, sex and identifier, sent to one signed-in organization or to
 * every one at once ({@link FindPort}) in the background with progress and Cancel; the candidates
 * with the demographics to choose by; criteria a server does not search by said in words.
 * Choosing one syncs that chart ({@link SyncPort}), which puts it on the worklist, then opens it.
 * Port listeners hop to the FX thread through {@code fx}. Properties and lists: FX thread.
 * Testable without a stage.
 */
public final class FindViewModel {
    /** The sexes offered: what is shown, the FHIR code ("" = any). */
    public static final List<String> SEXES = List.of("Any", "Female", "Male", "Other", "Unknown");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** An entry of the organization chooser; {@code id} null = every signed-in organization. */
    public record Choice(String id, String label) {
        public static final Choice ALL = new Choice(null, "All signed-in organizations");

        @Override
        public String toString() {
            return label;
        }
    }

    /** One candidate and the organization that answered it. */
    public record Row(PatientCandidate candidate, String orgName) {
        /** The identifiers as one line, the record number first ({@link CandidateIdentifiers}). */
        public String identifiers() {
            return CandidateIdentifiers.line(candidate.identifiers());
        }
    }

    private final FindPort find;
    private final SyncPort sync;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final StringProperty sex = new SimpleStringProperty(SEXES.get(0));
    private final StringProperty identifier = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(Choice.ALL);
    private final ObjectProperty<Choice> chosenOrg = new SimpleObjectProperty<>(Choice.ALL);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper anyOrganization = new ReadOnlyBooleanWrapper();
    private final AtomicReference<Runnable> pendingProgress = new AtomicReference<>();
    private final List<String> noteLines = new ArrayList<>();
    private Consumer<PatientRef> onOpen = ref -> { };
    /** What Cancel stops now (a search or a chosen chart's sync), or null. FX thread. */
    private Runnable cancel;
    /** Bumped at each search or choice: late answers of an earlier one are dropped. FX thread. */
    private int generation;
    private int found;
    private int answered;

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public FindViewModel(FindPort find, SyncPort sync, TaskExecutor tasks, Executor fx) {
        this.find = find;
        this.sync = sync;
        this.tasks = tasks;
        this.fx = fx;
    }

    /** Reads the signed-in organizations for the chooser (on showing, after a sign-in). FX thread. */
    public void refreshOrganizations() {
        tasks.submit(find::searchable, orgs -> {
            Choice was = chosenOrg.get();
            List<Choice> list = new ArrayList<>();
            list.add(Choice.ALL);
            orgs.forEach(o -> list.add(new Choice(o.id(), o.name())));
            choices.setAll(list);
            chosenOrg.set(list.stream().filter(c -> was != null && java.util.Objects.equals(c.id(), was.id()))
                    .findFirst().orElse(Choice.ALL));
            anyOrganization.set(!orgs.isEmpty());
            if (orgs.isEmpty() && !busy.get()) {
                message.set("No organization is signed in: sign in under Organizations (Ctrl+2), then search here.");
            } else if (message.get().startsWith("No organization is signed in")) {
                message.set("");
            }
        }, e -> message.set("The organizations could not be read."));
    }

    /**
     * The birth date as the search sends it: {@code YYYY-MM-DD} (also {@code YYYY-MM}, {@code YYYY});
     * {@code M/D/YYYY} is turned into it; "" when blank; null when it cannot be read.
     */
    static String isoBirthDate(String typed) {
        String t = typed == null ? "" : typed.trim();
        if (t.isEmpty() || ISO_DATE.matcher(t).matches()) {
            return t;
        }
        Matcher m = US_DATE.matcher(t);
        if (m.matches()) {
            return String.format("%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return null;
    }

    /** Starts a search with what was typed (anything running is cancelled first). FX thread. */
    public void search() {
        String birth = isoBirthDate(birthDate.get());
        if (birth == null) {
            message.set("Write the birth date as YYYY-MM-DD (for example 1966-06-06) or M/D/YYYY.");
            return;
        }
        String code = sex.get() == null || SEXES.get(0).equals(sex.get()) ? "" : sex.get().toLowerCase(java.util.Locale.ROOT);
        FindPort.Criteria criteria = new FindPort.Criteria(name.get(), birth, code, identifier.get());
        if (criteria.isEmpty()) {
            message.set("Type a name, a birth date, a sex or an identifier to search by.");
            return;
        }
        cancelQuietly();
        int mine = ++generation;
        rows.clear();
        noteLines.clear();
        notes.set("");
        found = 0;
        answered = 0;
        Choice where = chosenOrg.get() == null ? Choice.ALL : chosenOrg.get();
        busy.set(true);
        progress.set(-1);
        message.set(where.id() == null ? "Searching every signed-in organization…" : "Searching " + where.label() + "…");
        FindPort.Listener listener = new FindPort.Listener() {
            @Override
            public void answered(FindPort.Answer answer, int done, int total) {
                fx.execute(() -> take(mine, answer, done, total));
            }

            @Override
            public void finished(boolean cancelled) {
                fx.execute(() -> searchEnded(mine, cancelled));
            }
        };
        tasks.submit(() -> find.find(criteria, where.id(), listener), search -> {
            if (mine == generation && busy.get()) {
                cancel = search::cancel;
            } else if (mine != generation) {
                search.cancel();
            }
        }, e -> {
            if (mine == generation) {
                busy.set(false);
                message.set("The search could not start: " + words(e));
            }
        });
    }

    private void take(int mine, FindPort.Answer a, int done, int total) {
        if (mine != generation) {
            return;
        }
        // answers from two organizations' threads can reach the FX thread in either order
        answered = Math.max(answered, done);
        progress.set(total == 0 ? -1 : (double) answered / total);
        for (PatientCandidate c : a.candidates()) {
            rows.add(new Row(c, a.orgName()));
        }
        found += a.candidates().size();
        if (a.error() != null) {
            noteLines.add(a.orgName() + ": " + a.error());
        }
        noteLines.addAll(a.notes());
        if (a.more()) {
            noteLines.add(a.orgName() + " has more matches than the " + a.candidates().size()
                    + " shown: narrow the search (birth date, identifier).");
        }
        notes.set(String.join("\n", noteLines));
        if (busy.get() && answered < total) {
            message.set("Searching… " + answered + " of " + total + " organizations answered, " + patients(found) + " found");
        }
    }

    private void searchEnded(int mine, boolean cancelled) {
        if (mine != generation) {
            return;
        }
        busy.set(false);
        cancel = null;
        progress.set(0);
        if (cancelled) {
            message.set("Search cancelled" + (found == 0 ? "." : "; " + patients(found) + " found before it."));
        } else if (answered == 0) {
            message.set("No organization is signed in: sign in under Organizations (Ctrl+2), then search here.");
        } else {
            message.set(found == 0 ? "No patient matches at " + organizations(answered) + "."
                    : patients(found) + " found at " + organizations(answered)
                    + ". Choose one and press Enter (or Sync and open) to bring the chart onto the worklist.");
        }
    }

    /**
     * Syncs the chosen candidate's chart from its organization (it then appears on the worklist)
     * and opens it ({@link #setOnOpen}). Cancel stops the sync. FX thread.
     */
    public void choose(Row row) {
        if (row == null) {
            return;
        }
        cancelQuietly();
        int mine = ++generation;
        PatientRef ref = row.candidate().ref();
        String who = row.candidate().name();
        busy.set(true);
        progress.set(-1);
        message.set("Syncing " + who + "'s chart from " + row.orgName() + "…");
        SyncPort.Listener listener = new SyncPort.Listener() {
            @Override
            public void progress(String org, String type, int done, double overall) {
                String text = "Syncing " + who + "'s chart from " + row.orgName() + "…"
                        + (type == null ? "" : " " + type + " " + done);
                if (pendingProgress.getAndSet(() -> message.set(text)) == null) {
                    fx.execute(() -> {
                        Runnable latest = pendingProgress.getAndSet(null);
                        if (mine == generation && busy.get() && latest != null) {
                            latest.run();
                        }
                    });
                }
            }

            @Override
            public void finished(String org, String error) {
                fx.execute(() -> {
                    if (mine != generation) {
                        return;
                    }
                    busy.set(false);
                    cancel = null;
                    progress.set(0);
                    if (error == null) {
                        message.set("Opened " + who + "'s chart; it is on the worklist.");
                        onOpen.accept(ref);
                    } else {
                        message.set("The chart was not synced: " + error);
                    }
                });
            }
        };
        tasks.submit(() -> sync.startSync(ref.org(), ref.id(), listener), handle -> {
            if (mine == generation && busy.get()) {
                cancel = handle::cancel;
            }
        }, e -> {
            if (mine == generation) {
                busy.set(false);
                message.set("The sync could not start: " + words(e));
            }
        });
    }

    /** Stops the search or the sync running (Cancel). FX thread. */
    public void cancel() {
        Runnable c = cancel;
        if (c != null) {
            cancel = null;
            message.set("Cancelling…");
            c.run();
        }
    }

    private void cancelQuietly() {
        Runnable c = cancel;
        cancel = null;
        if (c != null) {
            c.run();
        }
    }

    private static String words(Throwable e) {
        return e.getMessage() == null ? "unknown reason." : e.getMessage();
    }

    static String patients(int n) {
        return n + (n == 1 ? " patient" : " patients");
    }

    static String organizations(int n) {
        return n == 1 ? "1 organization" : n + " organizations";
    }

    /** Runs (FX thread) with a chosen patient once their chart is synced: the window opens it. */
    public void setOnOpen(Consumer<PatientRef> open) {
        onOpen = open;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    /** One of {@link #SEXES}. */
    public StringProperty sexProperty() {
        return sex;
    }

    public StringProperty identifierProperty() {
        return identifier;
    }

    /** "All signed-in organizations" first, then each signed-in organization. */
    public ObservableList<Choice> organizationChoices() {
        return choices;
    }

    public ObjectProperty<Choice> organizationProperty() {
        return chosenOrg;
    }

    /** The candidates, in the order the organizations answered. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** What is happening or what was found, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Criteria not searched by, organizations that failed, "more than shown": one line each; "" when none. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** A search or a chosen chart's sync is running (Cancel works). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 (organizations answered), or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** At least one organization is signed in. */
    public ReadOnlyBooleanProperty anyOrganizationProperty() {
        return anyOrganization.getReadOnlyProperty();
    }
}
