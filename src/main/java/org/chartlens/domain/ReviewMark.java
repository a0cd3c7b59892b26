package org.chartlens.domain;

import java.time.Instant;
import java.util.List;

/**
 * One "Mark reviewed" of one record (issue 17): who, when, and what was known then. A person is
 * marked by marking each of its records at the same moment, so a mark survives linking and
 * unlinking. Immutable.
 *
 * @param reviewer  the reviewer's name (the name chosen in Settings, else the OS user)
 * @param record    the record reviewed
 * @param at        when
 * @param resources every resource of the record's chart known then
 */
public record ReviewMark(String reviewer, PatientRef record, Instant at, List<ReviewedResource> resources) {
    public ReviewMark {
        resources = List.copyOf(resources);
    }
}
