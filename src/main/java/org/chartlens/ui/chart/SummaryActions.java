package org.chartlens.ui.chart;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.chartlens.clinical.ChartData;
import org.chartlens.ui.common.TaskExecutor;
import org.chartlens.ui.port.SummaryPort;

/**
 * A chart's "Export PDF…" and "Print…" (Ctrl+E, Ctrl+P; issue 17 section 4, issue 18): the
 * {@link SummaryDialog}, then the file chooser or the system's print dialog, then the
 * {@link SummaryJob} with its progress line (Cancel while it runs; Open once a PDF is saved).
 * The dialog, the file chooser and the printer are replaceable for headless tests ({@link #use}).
 * FX thread.
 */
public final class SummaryActions {
    /** The {@link SummaryDialog}'s answer: empty = cancelled, else whether to include restricted records. */
    public interface Asker {
        Optional<Boolean> ask(SummaryDialog.Kind kind, ChartData chart, boolean glassBroken);
    }

    /** Where to save: the chosen file, or null when cancelled. */
    public interface FileAsker {
        Path choose(Window owner, String suggestedName);
    }

    /** The folder last saved to in this session (the file chooser opens there next time). */
    private static volatile File lastFolder;

    private final ChartViewModel vm;
    private final Node owner;
    private final SummaryJob job;
    private final Button export = new Button("Export PDF…");
    private final Button print = new Button("Print…");
    private final HBox strip = new HBox(10);
    private Asker asker;
    private FileAsker files = SummaryActions::chooseFile;
    private Printing printing = Printing.SYSTEM;

    SummaryActions(ChartViewModel vm, TaskExecutor tasks, Executor fx, Node owner, Consumer<Path> openOutside) {
        this.vm = vm;
        this.owner = owner;
        this.job = new SummaryJob(vm, tasks, fx);
        this.asker = (k, d, g) -> SummaryDialog.ask(owner, k, d, g);
        export.setId("summary-export");
        export.setTooltip(new Tooltip("The referral summary as a PDF file (Ctrl+E)"));
        export.setOnAction(e -> exportPdf());
        print.setId("summary-print");
        print.setTooltip(new Tooltip("Print the referral summary (Ctrl+P)"));
        print.setOnAction(e -> print());
        boolean available = vm.summaries() != SummaryPort.NONE;
        for (Button b : new Button[] {export, print}) {
            b.setVisible(available);
            b.setManaged(available);
            b.disableProperty().bind(job.runningProperty().or(vm.dataProperty().isNull()));
        }
        strip(openOutside);
    }

    private void strip(Consumer<Path> openOutside) {
        strip.setId("summary-job");
        strip.getStyleClass().add("summary-job");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(4, 16, 4, 16));
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(160);
        bar.setAccessibleText("Progress of the summary");
        bar.progressProperty().bind(job.progressProperty());
        bar.visibleProperty().bind(job.runningProperty());
        bar.managedProperty().bind(job.runningProperty());
        Label text = new Label();
        text.setId("summary-job-message");
        text.textProperty().bind(job.messageProperty());
        job.writtenProperty().addListener((o, a, b) -> text.setTooltip(b == null ? null
                : new Tooltip(b.toAbsolutePath().toString())));
        job.outcomeProperty().addListener((o, a, b) -> {
            text.getStyleClass().removeAll("summary-job-failed");
            if (b == SummaryJob.Outcome.FAILED) {
                text.getStyleClass().add("summary-job-failed");
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("summary-job-cancel");
        cancel.setCancelButton(false);
        cancel.setOnAction(e -> job.cancel());
        cancel.visibleProperty().bind(job.runningProperty());
        cancel.managedProperty().bind(job.runningProperty());
        Button open = new Button("Open");
        open.setId("summary-job-open");
        open.setOnAction(e -> {
            Path p = job.writtenProperty().get();
            if (p != null) {
                try {
                    openOutside.accept(p);
                } catch (RuntimeException ex) {
                    job.failedBeforeStart("Saved " + p.getFileName() + ", but this computer's PDF viewer could not open it.");
                }
            }
        });
        var canOpen = job.writtenProperty().isNotNull().and(job.runningProperty().not());
        open.visibleProperty().bind(canOpen);
        open.managedProperty().bind(canOpen);
        Button close = new Button("Dismiss");
        close.setId("summary-job-dismiss");
        close.setOnAction(e -> job.dismiss());
        close.visibleProperty().bind(job.runningProperty().not());
        close.managedProperty().bind(job.runningProperty().not());
        strip.getChildren().addAll(bar, text, gap, open, cancel, close);
        var shown = job.outcomeProperty().isNotEqualTo(SummaryJob.Outcome.NONE);
        strip.visibleProperty().bind(shown);
        strip.managedProperty().bind(shown);
    }

    /** The two buttons, with a separator before them, for the chart's review line. */
    Node[] buttons() {
        Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
        s.visibleProperty().bind(export.visibleProperty());
        s.managedProperty().bind(export.managedProperty());
        return new Node[] {s, export, print};
    }

    /** The progress and outcome line (hidden until something is exported or printed). */
    Node strip() {
        return strip;
    }

    public SummaryJob job() {
        return job;
    }

    /** Replaces the dialog, the file chooser and the printer (headless tests); nulls keep the current one. */
    public void use(Asker asker, FileAsker files, Printing printing) {
        this.asker = asker == null ? this.asker : asker;
        this.files = files == null ? this.files : files;
        this.printing = printing == null ? this.printing : printing;
    }

    private boolean ready() {
        return vm.dataProperty().get() != null && vm.summaries() != SummaryPort.NONE && !job.runningProperty().get();
    }

    /** Export PDF…: the dialog, where to save, then the PDF written off the FX thread. */
    public void exportPdf() {
        if (!ready()) {
            return;
        }
        Optional<Boolean> include = asker.ask(SummaryDialog.Kind.EXPORT, vm.dataProperty().get(),
                vm.glassProperty().get() != null);
        if (include.isEmpty()) {
            return;
        }
        Path file = files.choose(window(), "referral-summary-" + LocalDate.now() + ".pdf");
        if (file == null) {
            return;
        }
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            file = file.resolveSibling(file.getFileName() + ".pdf");
        }
        job.export(file, include.get());
    }

    /** Print…: the dialog, the system's print dialog, then the pages rendered and printed off the FX thread. */
    public void print() {
        if (!ready()) {
            return;
        }
        Optional<Boolean> include = asker.ask(SummaryDialog.Kind.PRINT, vm.dataProperty().get(),
                vm.glassProperty().get() != null);
        if (include.isEmpty()) {
            return;
        }
        Printing.Job j;
        try {
            j = printing.begin(window(), "ChartLens referral summary");
        } catch (IllegalStateException e) {
            job.failedBeforeStart("The summary could not be printed: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            job.failedBeforeStart("The summary could not be printed: the system's printing could not be started ("
                    + e.getClass().getSimpleName() + ").");
            return;
        }
        if (j != null) {
            job.print(j, include.get());
        }
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private static Path chooseFile(Window owner, String suggested) {
        FileChooser c = new FileChooser();
        c.setTitle("Save the referral summary");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
        c.setInitialFileName(suggested);
        File folder = lastFolder;
        if (folder == null || !folder.isDirectory()) {
            Path home = Path.of(System.getProperty("user.home", "."));
            folder = (Files.isDirectory(home.resolve("Documents")) ? home.resolve("Documents") : home).toFile();
        }
        c.setInitialDirectory(folder);
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        lastFolder = f.getParentFile();
        return f.toPath();
    }
}
