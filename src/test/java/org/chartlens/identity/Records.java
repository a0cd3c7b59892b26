package org.chartlens.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small builder for test records. */
final class Records {
    private final String org;
    private final String id;
    private final List<PatientRecord.Name> names = new ArrayList<>();
    private LocalDate birth;
    private String sex;
    private final List<String> zips = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private final List<PatientRecord.Identifier> ids = new ArrayList<>();

    private Records(String org, String id) {
        this.org = org;
        this.id = id;
    }

    static Records record(String org, String id) {
        return new Records(org, id);
    }

    Records name(String family, String... given) {
        names.add(new PatientRecord.Name(family, List.of(given)));
        return this;
    }

    Records born(String date) {
        birth = LocalDate.parse(date);
        return this;
    }

    Records sex(String s) {
        sex = s;
        return this;
    }

    Records zip(String z) {
        zips.add(z);
        return this;
    }

    Records phone(String p) {
        phones.add(p);
        return this;
    }

    Records id(String system, String value) {
        ids.add(new PatientRecord.Identifier(system, value));
        return this;
    }

    PatientRecord build() {
        return new PatientRecord(new RecordKey(org, id), names, birth, sex, zips, phones, ids);
    }
}
