package org.chartlens.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo EHR's Patient index (issue 15, bench row 10) narrows a Patient search without changing
 * its answer: for each search, the candidates read off the index and then matched give exactly
 * what matching every Patient gives, in the same order; after a Patient is added or removed too.
 */
class PatientIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServedResources data = new ServedResources();
    private final PatientSearch search = new PatientSearch(JSON);

    @Test
    void theIndexedSearchAnswersWhatTheFullScanAnswers() throws Exception {
        patient("a", "Hegmann834", "Danille883", "1966-06-06", "female", "http://hospital.smarthealthit.org", "MRN-1");
        patient("b", "Hammes", "Dänille", "1966-06", "female", "http://other.example", "MRN-2");
        patient("c", "van der Berg", "Jan", "1980-01-02", "male", "http://hospital.smarthealthit.org", "MRN-3");
        patient("d", "Ryan260", "Jamie386", "2011-10-20", "male", "http://hospital.smarthealthit.org", "1d03");
        for (int i = 0; i < 200; i++) {
            patient("s" + i, i < 5 ? "Ryan260" : "Synthetic" + i, "Copy" + i, (1920 + i % 80) + "-0" + (1 + i % 9) + "-1" + i % 10,
                    i % 2 == 0 ? "male" : "female", "https://bench.example", "B" + i);
        }
        List<Map<String, List<String>>> searches = List.of(
                q("family", "ryan"), q("family", "RYAN260", "given", "jamie", "birthdate", "2011-10-20", "gender", "male"),
                q("name", "danille"), q("name", "hamm,berg"), q("name", "van der"), q("family", "berg"),
                q("family:exact", "Hammes"), q("family:exact", "hammes"), q("family:contains", "der"),
                q("given", "dänil"), q("birthdate", "1966"), q("birthdate", "eq1966-06"), q("birthdate", "ge2000-01-01"),
                q("birthdate", "1966-06-06"), q("identifier", "MRN-2"), q("identifier", "http://hospital.smarthealthit.org|MRN-1"),
                q("identifier", "http://other.example|MRN-1"), q("identifier", "https://bench.example|"),
                q("gender", "female"), q("family", "nobody"), q("family", "ryan", "birthdate", "1900-01-01"));
        for (Map<String, List<String>> s : searches) {
            assertEquals(scan(s), indexed(s), s.toString());
        }
        assertEquals(List.of("d", "s0", "s1", "s2", "s3", "s4"), ids(indexed(q("family", "ryan"))));
        assertEquals(List.of("a", "b"), ids(indexed(q("birthdate", "1966-06"))));
        // narrowed by the index, not a scan of every Patient
        assertTrue(search.candidates(data, q("family", "ryan")).size() <= 6);
        assertTrue(search.candidates(data, q("identifier", "B7", "gender", "female")).size() == 1);
        // what the index does not narrow: every Patient is a candidate
        assertNull(search.candidates(data, q("gender", "male")));
        assertNull(search.candidates(data, q("family:contains", "der")));
        assertNotNull(search.candidates(data, q("family:contains", "der", "birthdate", "1980-01-02")));
    }

    @Test
    void addedAndRemovedPatientsAreSeenByTheNextSearch() throws Exception {
        patient("a", "Hegmann834", "Danille883", "1966-06-06", "female", "http://h.example", "1");
        assertEquals(List.of("a"), ids(indexed(q("family", "hegmann"))));
        patient("b", "Hegmann834", "Rosa", "1990-01-01", "female", "http://h.example", "2");
        assertEquals(List.of("a", "b"), ids(indexed(q("family", "hegmann"))));
        patient("a", "Hammes", "Danille883", "1966-06-06", "female", "http://h.example", "1");
        assertEquals(List.of("b"), ids(indexed(q("family", "hegmann"))));
        assertEquals(List.of("a"), ids(indexed(q("family", "hammes"))));
        assertTrue(data.remove("Patient", "b"));
        assertEquals(List.of(), ids(indexed(q("family", "hegmann"))));
    }

    private void patient(String id, String family, String given, String birth, String gender, String system, String value) {
        ObjectNode p = JSON.createObjectNode().put("resourceType", "Patient").put("id", id);
        ObjectNode name = p.putArray("name").addObject().put("family", family);
        name.putArray("given").add(given);
        p.put("birthDate", birth).put("gender", gender);
        p.putArray("identifier").addObject().put("system", system).put("value", value);
        data.put(SearchIndex.entry(p, id, Instant.parse("2026-01-01T00:00:00Z"), List.of(), JSON));
    }

    private List<StoredEntry> scan(Map<String, List<String>> params) throws FhirError {
        return search.filter(data.ofType("Patient"), params);
    }

    private List<StoredEntry> indexed(Map<String, List<String>> params) throws FhirError {
        List<StoredEntry> candidates = search.candidates(data, params);
        return search.filter(candidates == null ? data.ofType("Patient") : candidates, params);
    }

    private static List<String> ids(List<StoredEntry> entries) {
        return entries.stream().map(StoredEntry::id).toList();
    }

    private static Map<String, List<String>> q(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], List.of(pairs[i + 1]));
        }
        return out;
    }
}
