package org.chartlens.clinical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.domain.AllergyEntry;
import org.chartlens.domain.ChartModel;
import org.chartlens.domain.DocumentEntry;
import org.chartlens.domain.EncounterEntry;
import org.chartlens.domain.ImmunizationEntry;
import org.chartlens.domain.LabReport;
import org.chartlens.domain.MedicationEntry;
import org.chartlens.domain.Problem;
import org.chartlens.domain.ProblemList;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.UnitSystem;

/**
 * Builds every tab's model for one chart in one pass: parse once, then each builder. Pure: no
 * I/O, no JavaFX. Stateless, thread safe. Cost: under 1 s for the 8,862-resource Synthea chart
 * (see ChartModelsTest); call it off the FX thread.
 */
public final class ChartModels {
    private ChartModels() {
    }

    public static ChartModel build(List<RawResource> resources, UnitSystem units, LocalDate today) {
        return build(ParsedChart.of(resources), units, today);
    }

    public static ChartModel build(ParsedChart chart, UnitSystem units, LocalDate today) {
        return build(chart, units, today, true);
    }

    /**
     * One record's models for a person's chart ({@link PersonCharts#merge}, issue 14): the same
     * as {@link #build} but the timeline holds the procedures lane only (and the full undated
     * count), since the merge rebuilds every other lane from the merged lists (issue 21).
     */
    static ChartModel buildForMerge(List<RawResource> resources, UnitSystem units, LocalDate today) {
        return build(ParsedChart.of(resources), units, today, false);
    }

    private static ChartModel build(ParsedChart chart, UnitSystem units, LocalDate today, boolean timeline) {
        ProblemList problems = ProblemLists.of(chart);
        List<MedicationEntry> meds = ChartLists.medications(chart);
        List<AllergyEntry> allergies = ChartLists.allergies(chart);
        List<ImmunizationEntry> imms = ChartLists.immunizations(chart);
        List<EncounterEntry> encounters = ChartLists.encounters(chart);
        List<LabReport> labs = LabResults.of(chart);
        List<DocumentEntry> docs = ChartLists.documents(chart);
        List<Problem> allProblems = new ArrayList<>(problems.active());
        allProblems.addAll(problems.inactive());
        return new ChartModel(PatientSummaries.of(chart, today), problems,
                VitalSigns.of(chart, units),
                timeline ? Timelines.of(chart, allProblems, meds, imms, encounters, labs, docs)
                        : Timelines.proceduresOnly(chart, allProblems, meds, imms, encounters, labs, docs),
                meds, allergies, imms, encounters, labs, docs, Claims.coverage(chart),
                Claims.claims(chart), chart.warnings(), MedicationGroups.of(meds));
    }
}
