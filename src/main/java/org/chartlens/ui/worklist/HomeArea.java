package org.chartlens.ui.worklist;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The home tab's content: the worklist or, beside it, the referral list (issue 17), chosen with
 * two toggles above them (Alt+W, Alt+R); the referral toggle says how many are due. FX thread.
 */
public final class HomeArea extends BorderPane {
    private final ToggleButton worklistToggle = new ToggleButton("_Worklist");
    private final ToggleButton referralsToggle = new ToggleButton();
    private final WorklistView worklist;
    private final ReferralsView referrals;

    public HomeArea(WorklistView worklist, ReferralsView referrals, ReferralsViewModel vm) {
        this.worklist = worklist;
        this.referrals = referrals;
        setId("home-area");
        ToggleGroup group = new ToggleGroup();
        worklistToggle.setId("home-worklist");
        referralsToggle.setId("home-referrals");
        referralsToggle.textProperty().bind(vm.titleProperty().map(t -> "_" + t));
        referralsToggle.setMnemonicParsing(true);
        worklistToggle.setToggleGroup(group);
        referralsToggle.setToggleGroup(group);
        worklistToggle.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always shown
            } else {
                setCenter(now == referralsToggle ? referrals : worklist);
            }
        });
        HBox toggles = new HBox(0, worklistToggle, referralsToggle);
        toggles.setAlignment(Pos.CENTER_LEFT);
        toggles.setPadding(new Insets(8, 12, 0, 12));
        setTop(toggles);
        setCenter(worklist);
    }

    /**
     * The worklist beside its referral list, wired: "Add to referrals…" on a worklist row and
     * "Change due day or reason…" on a referral open the {@link ReferralDialog} over this window;
     * {@code open} opens a person's chart.
     */
    public static HomeArea withReferrals(WorklistView worklist, ReferralsViewModel vm,
                                         java.util.function.Consumer<java.util.List<org.chartlens.domain.PatientRef>> open) {
        HomeArea[] home = new HomeArea[1];
        java.util.function.BiConsumer<java.util.List<org.chartlens.domain.PatientRef>, String> dialog = (refs, name) ->
                ReferralDialog.open(home[0].getScene() == null ? null : home[0].getScene().getWindow(), vm, refs, name);
        worklist.setOnRefer(r -> dialog.accept(r.refs(), r.summary().name()));
        home[0] = new HomeArea(worklist, new ReferralsView(vm, open, dialog), vm);
        return home[0];
    }

    /** Shows the referral list. */
    public void showReferrals() {
        referralsToggle.setSelected(true);
    }

    /** Shows the worklist. */
    public void showWorklist() {
        worklistToggle.setSelected(true);
    }
}
