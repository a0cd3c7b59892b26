package org.chartlens.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record's demographics normalised once ({@link Normalizer}), with the original spellings kept
 * for the evidence. Immutable.
 */
record NormalizedRecord(PatientRecord source, List<String> givenNames, List<String> middleNames,
                        List<String> familyParts, List<String[]> nameOrder, LocalDate birthDate, String sex,
                        List<String> postalCodes, List<String> phones, Map<String, Ident> identifiers,
                        String multiPartFamily) {

    /** One identifier: normalised system and value, plus the system as sent. */
    record Ident(String system, String value, String rawSystem) {
    }

    static NormalizedRecord of(PatientRecord r) {
        Set<String> given = new LinkedHashSet<>();
        Set<String> middle = new LinkedHashSet<>();
        Set<String> family = new LinkedHashSet<>();
        List<String[]> order = new ArrayList<>();
        String multiPart = null;
        for (PatientRecord.Name n : r.names()) {
            String first = n.given().isEmpty() ? "" : Normalizer.name(n.given().get(0));
            if (!first.isEmpty()) {
                given.add(first);
            }
            for (int i = 1; i < n.given().size(); i++) {
                String m = Normalizer.name(n.given().get(i));
                if (!m.isEmpty()) {
                    middle.add(m);
                }
            }
            List<String> parts = Normalizer.nameParts(n.family());
            family.addAll(parts);
            if (multiPart == null && parts.size() > 1) {
                multiPart = String.join("-", parts);
            }
            String fam = Normalizer.name(n.family());
            if (!first.isEmpty() && !fam.isEmpty()) {
                order.add(new String[] {first, fam});
            }
        }
        List<String> postal = new ArrayList<>();
        for (String p : r.postalCodes()) {
            String n = Normalizer.postalCode(p);
            if (!n.isEmpty() && !postal.contains(n)) {
                postal.add(n);
            }
        }
        List<String> phones = new ArrayList<>();
        for (String p : r.phones()) {
            String n = Normalizer.phone(p);
            if (n.length() >= 7 && !phones.contains(n)) {
                phones.add(n);
            }
        }
        Map<String, Ident> idents = new LinkedHashMap<>();
        for (PatientRecord.Identifier i : r.identifiers()) {
            String system = Normalizer.identifierSystem(i.system());
            String value = Normalizer.identifierValue(i.value());
            if (!value.isEmpty()) {
                idents.putIfAbsent(system + "|" + value, new Ident(system, value, i.system() == null ? "" : i.system()));
            }
        }
        String sex = r.sex() == null ? "" : r.sex().trim().toLowerCase(java.util.Locale.ROOT);
        return new NormalizedRecord(r, List.copyOf(given), List.copyOf(middle), List.copyOf(family), List.copyOf(order),
                r.birthDate(), sex, List.copyOf(postal), List.copyOf(phones), idents, multiPart);
    }

    RecordKey key() {
        return source.key();
    }

    /** male or female; other, unknown and missing do not take part in the comparison. */
    boolean hasBinarySex() {
        return "male".equals(sex) || "female".equals(sex);
    }
}
