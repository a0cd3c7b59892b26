package org.chartlens.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import org.chartlens.domain.Source;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Raw JSON and source" (issue 21): a row's {@link Source} names its resource, and the dialog reads
 * the JSON when it opens, off the FX thread, through the reader of the view above the row; a
 * resource the cache no longer holds and a failed read are said in words. Headless.
 */
class RawJsonDialogTest {
    private static final Source CONDITION = new Source("clinic", "Condition", "c1");
    private static final String JSON = "{\"resourceType\":\"Condition\",\"id\":\"c1\"}";

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.stage();
    }

    /** Holds each task until the test runs it (on the test thread, not the FX thread). */
    static final class HeldTasks implements TaskExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    T t = work.call();
                    Fx.run(() -> onSuccess.accept(t));
                } catch (Exception e) {
                    try {
                        Fx.run(() -> onFailure.accept(e));
                    } catch (Exception again) {
                        throw new IllegalStateException(again);
                    }
                }
            });
            return SameThreadTaskExecutor.done();
        }

        void runAll() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    private static List<String> texts(Dialog<ButtonType> d) throws Exception {
        return Fx.call(() -> d.getDialogPane().lookupAll(".raw-json").stream().map(n -> ((TextArea) n).getText()).toList());
    }

    @Test
    void theJsonIsReadWhenTheDialogOpensOffTheFxThreadThroughTheReaderAboveTheRow() throws Exception {
        HeldTasks tasks = new HeldTasks();
        List<Source> asked = new CopyOnWriteArrayList<>();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        StackPane chart = new StackPane();
        Label row = new Label("a row");
        chart.getChildren().add(new StackPane(row));
        RawJsonDialog.readFrom(chart, new RawJsonDialog.Reader(tasks, one -> {
            asked.add(one);
            onFx.add(Platform.isFxApplicationThread());
            return Optional.of(JSON);
        }));
        Dialog<ButtonType> d = Fx.call(() -> RawJsonDialog.dialog(row, CONDITION, OrgLegend.NONE));
        assertEquals("Source: clinic · Condition/c1", Fx.call(d::getHeaderText));
        assertEquals(List.of(RawJsonDialog.READING), texts(d));
        assertTrue(asked.isEmpty(), "nothing read on the FX thread while the dialog is built");

        tasks.runAll();
        assertEquals(List.of(CONDITION), asked);
        assertEquals(List.of(false), onFx);
        assertEquals(List.of(RawJsonDialog.pretty(JSON)), texts(d));
        assertTrue(texts(d).get(0).contains("\"resourceType\" : \"Condition\""), texts(d).toString());
    }

    @Test
    void aResourceNoLongerInTheCacheOrAFailedReadIsSaidInWords() throws Exception {
        StackPane gone = new StackPane();
        RawJsonDialog.readFrom(gone, new RawJsonDialog.Reader(new SameThreadTaskExecutor(), one -> Optional.empty()));
        Dialog<ButtonType> d = Fx.call(() -> RawJsonDialog.dialog(gone, CONDITION, OrgLegend.NONE));
        assertEquals(List.of(RawJsonDialog.GONE), texts(d));

        StackPane locked = new StackPane();
        RawJsonDialog.readFrom(locked, new RawJsonDialog.Reader(new SameThreadTaskExecutor(), one -> {
            throw new IllegalStateException("The cache is locked.");
        }));
        Dialog<ButtonType> failed = Fx.call(() -> RawJsonDialog.dialog(locked, CONDITION, OrgLegend.NONE));
        assertEquals(List.of(RawJsonDialog.FAILED), texts(failed));

        Dialog<ButtonType> nowhere = Fx.call(() -> RawJsonDialog.dialog(new StackPane(), CONDITION, OrgLegend.NONE));
        assertEquals(List.of(RawJsonDialog.UNAVAILABLE), texts(nowhere));
    }

    @Test
    void aResourceRestrictedSinceTheChartWasReadIsHeldBackAndSaidSoTheOthersShow() throws Exception {
        Source hospital = new Source("hospital", "Condition", "h7");
        Source merged = CONDITION.mergedWith(List.of(hospital), List.of());
        StackPane chart = new StackPane();
        RawJsonDialog.readFrom(chart, new RawJsonDialog.Reader(new SameThreadTaskExecutor(), one -> {
            if (one.org().equals("clinic")) {
                throw new org.chartlens.clinical.ChartQuery.RestrictedSinceOpened();
            }
            return Optional.of(JSON);
        }));
        Dialog<ButtonType> d = Fx.call(() -> RawJsonDialog.dialog(chart, merged, OrgLegend.NONE));
        TabPane tabs = (TabPane) Fx.call(() -> d.getDialogPane().lookup(".tab-pane"));
        assertNotNull(tabs);
        assertEquals(List.of(RawJsonDialog.RESTRICTED, RawJsonDialog.pretty(JSON)),
                Fx.call(() -> tabs.getTabs().stream().map(t -> ((TextArea) t.getContent()).getText()).toList()));
    }

    @Test
    void aMergedRowShowsEachOrganizationsResourceReadInOneTask() throws Exception {
        Source hospital = new Source("hospital", "Condition", "h7");
        Source merged = CONDITION.mergedWith(List.of(hospital), List.of());
        Map<String, String> cache = Map.of("clinic/c1", JSON);
        HeldTasks tasks = new HeldTasks();
        StackPane chart = new StackPane();
        RawJsonDialog.readFrom(chart, new RawJsonDialog.Reader(tasks,
                one -> Optional.ofNullable(cache.get(one.org() + "/" + one.id()))));
        Dialog<ButtonType> d = Fx.call(() -> RawJsonDialog.dialog(chart, merged, OrgLegend.NONE));
        assertEquals(1, tasks.held.size());
        tasks.runAll();
        TabPane tabs = (TabPane) Fx.call(() -> d.getDialogPane().lookup(".tab-pane"));
        assertNotNull(tabs);
        assertEquals(List.of("clinic · Condition/c1", "hospital · Condition/h7"),
                Fx.call(() -> tabs.getTabs().stream().map(t -> t.getText()).toList()));
        assertEquals(List.of(RawJsonDialog.pretty(JSON), RawJsonDialog.GONE),
                Fx.call(() -> tabs.getTabs().stream().map(t -> ((TextArea) t.getContent()).getText()).toList()));
    }

    @Test
    void showingTheDialogIsRecordedFromTheOwnerAsBefore() throws Exception {
        StackPane chart = new StackPane();
        Label row = new Label("a row");
        chart.getChildren().add(row);
        RawJsonDialog.readFrom(chart, new RawJsonDialog.Reader(new SameThreadTaskExecutor(), one -> Optional.of(JSON)));
        List<Source> viewed = new CopyOnWriteArrayList<>();
        chart.addEventHandler(RawJsonDialog.Viewed.TYPE, e -> viewed.add(e.source()));
        Fx.run(() -> RawJsonDialog.show(row, CONDITION, OrgLegend.NONE));
        assertEquals(List.of(CONDITION), viewed);
        Fx.run(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage)
                .map(javafx.stage.Stage.class::cast).filter(s -> s.getTitle() != null && s.getTitle().equals("Raw FHIR JSON"))
                .toList().forEach(javafx.stage.Stage::close));
    }
}
