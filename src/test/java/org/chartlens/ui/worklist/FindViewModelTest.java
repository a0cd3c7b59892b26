package org.chartlens.ui.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chartlens.connect.Organization;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientCandidate;
import org.chartlens.domain.PatientRef;
import org.chartlens.ui.common.SameThreadTaskExecutor;
import org.chartlens.ui.port.FindPort;
import org.chartlens.ui.port.SyncPort;
import org.junit.jupiter.api.Test;

/** Find a patient without a stage: criteria, the chooser, answers per organization, Cancel, choosing. */
class FindViewModelTest {
    final List<FindPort.Criteria> asked = new ArrayList<>();
    final List<String> askedWhere = new ArrayList<>();
    final List<FindPort.Listener> searches = new ArrayList<>();
    int searchCancels;
    final List<String> synced = new ArrayList<>();
    final List<SyncPort.Listener> syncs = new ArrayList<>();
    int syncCancels;
    List<Organization> signedIn = List.of(org("demo", "Demo EHR"), org("clinic", "My Clinic"));

    final FindPort find = new FindPort() {
        @Override
        public List<Organization> searchable() {
            return signedIn;
        }

        @Override
        public Search find(Criteria criteria, String orgId, Listener listener) {
            asked.add(criteria);
            askedWhere.add(orgId);
            searches.add(listener);
            return () -> {
                searchCancels++;
                listener.finished(true);
            };
        }
    };
    final SyncPort sync = (org, patient, l) -> {
        synced.add(org + ":" + patient);
        syncs.add(l);
        return () -> syncCancels++;
    };

    static Organization org(String id, String name) {
        return new Organization(id, name, URI.create("https://" + id + ".example/fhir"), Organization.Flow.PKCE, "c",
                List.of(), Set.of(), null, false, null);
    }

    static PatientCandidate candidate(String org, String id, String name) {
        return new PatientCandidate(new PatientRef(org, id), name, "1966-06-06", "female",
                List.of(new Identifier("MRN", "000" + id, org)), "Columbus, OH");
    }

    FindViewModel vm() {
        FindViewModel vm = new FindViewModel(find, sync, new SameThreadTaskExecutor(), Runnable::run);
        vm.refreshOrganizations();
        return vm;
    }

    @Test
    void theChooserOffersEverySignedInOrganizationAfterAllOfThemAndSaysWhenNoneIs() {
        FindViewModel vm = vm();
        assertEquals(List.of("All signed-in organizations", "Demo EHR", "My Clinic"),
                vm.organizationChoices().stream().map(FindViewModel.Choice::label).toList());
        assertEquals(FindViewModel.Choice.ALL, vm.organizationProperty().get());
        vm.organizationProperty().set(vm.organizationChoices().get(2));
        signedIn = List.of(org("clinic", "My Clinic"));
        vm.refreshOrganizations();
        assertEquals("clinic", vm.organizationProperty().get().id(), "the choice survives a re-read");

        signedIn = List.of();
        vm.refreshOrganizations();
        assertFalse(vm.anyOrganizationProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("No organization is signed in"), vm.messageProperty().get());
    }

    @Test
    void answersThatReachTheFxThreadOutOfOrderStillCountEveryOrganization() {
        FindViewModel vm = vm();
        vm.nameProperty().set("Hegmann");
        vm.search();
        FindPort.Listener l = searches.get(0);
        // the second organization's answer (done = 2) is run on the FX thread before the first's (done = 1)
        l.answered(new FindPort.Answer("clinic", "My Clinic", List.of(candidate("clinic", "x9", "Danille Hegmann")),
                List.of(), false, null), 2, 2);
        l.answered(new FindPort.Answer("demo", "Demo EHR", List.of(candidate("demo", "p1", "Danille Hegmann")),
                List.of(), false, null), 1, 2);
        l.finished(false);
        assertTrue(vm.messageProperty().get().startsWith("2 patients found at 2 organizations."), vm.messageProperty().get());
    }

    @Test
    void aSearchOfEveryOrganizationListsEachAnswerWithItsOrganizationAndSaysWhatWasNotSearched() {
        FindViewModel vm = vm();
        vm.nameProperty().set(" Hegmann ");
        vm.birthDateProperty().set("6/6/1966");
        vm.sexProperty().set("Female");
        vm.search();
        assertEquals(List.of(new FindPort.Criteria("Hegmann", "1966-06-06", "female", "")), asked,
                "a US date is sent as YYYY-MM-DD, the sex as its FHIR code");
        assertEquals(java.util.Collections.singletonList(null), askedWhere, "null: every signed-in organization");
        assertTrue(vm.busyProperty().get());
        assertEquals("Searching every signed-in organization…", vm.messageProperty().get());

        FindPort.Listener l = searches.get(0);
        l.answered(new FindPort.Answer("demo", "Demo EHR", List.of(candidate("demo", "p1", "Danille Hegmann")),
                List.of(), false, null), 1, 2);
        assertEquals(0.5, vm.progressProperty().get());
        assertEquals("Searching… 1 of 2 organizations answered, 1 patient found", vm.messageProperty().get());
        l.answered(new FindPort.Answer("clinic", "My Clinic", List.of(candidate("clinic", "x9", "Danille HEGMANN")),
                List.of("My Clinic does not support searching patients by sex; the candidates are not narrowed by it."),
                true, null), 2, 2);
        l.finished(false);

        assertFalse(vm.busyProperty().get());
        assertEquals(List.of("Demo EHR", "My Clinic"), vm.rows().stream().map(FindViewModel.Row::orgName).toList());
        assertEquals("MRN 000p1", vm.rows().get(0).identifiers());
        assertEquals("MRN 7eb5; SSN 999-68-8039; github.com 7eb5", new FindViewModel.Row(new PatientCandidate(
                new PatientRef("demo", "p1"), "A", "", "female", List.of(
                        new Identifier("https://github.com/synthetichealth/synthea", "7eb5", "demo"),
                        new Identifier("Social Security Number", "999-68-8039", "demo"),
                        new Identifier("Medical Record Number", "7eb5", "demo")), ""), "Demo").identifiers(),
                "the record number first, short names, a bare system last");
        assertTrue(vm.messageProperty().get().startsWith("2 patients found at 2 organizations."), vm.messageProperty().get());
        assertEquals("My Clinic does not support searching patients by sex; the candidates are not narrowed by it.\n"
                + "My Clinic has more matches than the 1 shown: narrow the search (birth date, identifier).",
                vm.notesProperty().get());
    }

    @Test
    void oneOrganizationFailingIsSaidInWordsAndTheOthersStillAnswer() {
        FindViewModel vm = vm();
        vm.organizationProperty().set(vm.organizationChoices().get(1));
        vm.identifierProperty().set("000123");
        vm.search();
        assertEquals("demo", askedWhere.get(0));
        searches.get(0).answered(FindPort.Answer.failed("demo", "Demo EHR", "Not signed in to Demo EHR."), 1, 1);
        searches.get(0).finished(false);
        assertEquals("No patient matches at 1 organization.", vm.messageProperty().get());
        assertEquals("Demo EHR: Not signed in to Demo EHR.", vm.notesProperty().get());
    }

    @Test
    void nothingIsSentWithoutACriterionOrWithAnUnreadableBirthDate() {
        FindViewModel vm = vm();
        vm.search();
        assertEquals("Type a name, a birth date, a sex or an identifier to search by.", vm.messageProperty().get());
        vm.birthDateProperty().set("June 6th");
        vm.search();
        assertTrue(vm.messageProperty().get().startsWith("Write the birth date as YYYY-MM-DD"));
        assertTrue(asked.isEmpty());
        assertEquals("1966-06", FindViewModel.isoBirthDate("1966-06"));
        assertNull(FindViewModel.isoBirthDate("66-6-6"));
    }

    @Test
    void cancelStopsTheSearchAndLateAnswersAreDropped() {
        FindViewModel vm = vm();
        vm.nameProperty().set("Hegmann");
        vm.search();
        FindPort.Listener l = searches.get(0);
        l.answered(new FindPort.Answer("demo", "Demo EHR", List.of(candidate("demo", "p1", "Danille Hegmann")),
                List.of(), false, null), 1, 2);
        vm.cancel();
        assertEquals(1, searchCancels);
        assertFalse(vm.busyProperty().get());
        assertEquals("Search cancelled; 1 patient found before it.", vm.messageProperty().get());

        vm.search(); // a new search: the first one's late answer does not mix in
        l.answered(new FindPort.Answer("clinic", "My Clinic", List.of(candidate("clinic", "x9", "Late")),
                List.of(), false, null), 2, 2);
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void choosingACandidateSyncsThatChartThenOpensItAndCancelStopsTheSync() {
        FindViewModel vm = vm();
        List<PatientRef> opened = new ArrayList<>();
        vm.setOnOpen(opened::add);
        vm.nameProperty().set("Hegmann");
        vm.search();
        searches.get(0).answered(new FindPort.Answer("demo", "Demo EHR",
                List.of(candidate("demo", "p1", "Danille Hegmann"), candidate("demo", "p2", "Other Hegmann")),
                List.of(), false, null), 1, 1);
        searches.get(0).finished(false);

        vm.choose(vm.rows().get(0));
        assertEquals(List.of("demo:p1"), synced);
        assertTrue(vm.busyProperty().get());
        syncs.get(0).progress("demo", "Condition", 12, -1);
        assertEquals("Syncing Danille Hegmann's chart from Demo EHR… Condition 12", vm.messageProperty().get());
        syncs.get(0).finished("demo", null);
        assertEquals(List.of(new PatientRef("demo", "p1")), opened);
        assertEquals("Opened Danille Hegmann's chart; it is on the worklist.", vm.messageProperty().get());

        vm.choose(vm.rows().get(1));
        vm.cancel();
        assertEquals(1, syncCancels);
        syncs.get(1).finished("demo", "Sync cancelled; what was already downloaded is kept.");
        assertEquals(1, opened.size(), "a cancelled sync opens nothing");
        assertEquals("The chart was not synced: Sync cancelled; what was already downloaded is kept.",
                vm.messageProperty().get());
    }
}
