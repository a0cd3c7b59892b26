package org.chartlens.ui.persons;

import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.chartlens.ui.common.OrgLegend;
import org.chartlens.ui.common.Themes;

/** The candidate dialog's window: a {@link CandidatesView} in a window of its own over the main window. FX thread. */
public final class CandidatesDialog {
    private CandidatesDialog() {
    }

    /** Opens it (not waiting); the model is loaded by the caller. */
    public static Stage open(Window owner, CandidatesViewModel vm, Supplier<OrgLegend> legend) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Possible matches: the same person at several organizations?");
        CandidatesView view = new CandidatesView(vm, legend, stage::close);
        Scene scene = new Scene(view);
        Themes.style(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
