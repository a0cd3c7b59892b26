package org.chartlens.identity;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The blocking keys of a record: only records that share at least one key are compared, so
 * candidate generation grows with the number of records, not with its square. A record's keys:
 * <ul>
 * <li>{@code id|SYSTEM|VALUE}: each identifier, system and value normalised;</li>
 * <li>{@code dob|DATE}: the birth date, and the date with day and month swapped;</li>
 * <li>{@code name|SOUNDEX|YEAR}: the Soundex of each family name part and of each first given
 *     name (so that swapped given and family names still meet), with the birth year;</li>
 * <li>{@code zip|CODE|INITIAL}: each postal code with the initial of each given name;</li>
 * <li>{@code tel|DIGITS}: each phone number.</li>
 * </ul>
 * Stateless.
 */
final class Blocking {
    private Blocking() {
    }

    static Set<String> keys(NormalizedRecord r) {
        Set<String> keys = new LinkedHashSet<>();
        for (NormalizedRecord.Ident i : r.identifiers().values()) {
            keys.add("id|" + i.system() + "|" + i.value());
        }
        LocalDate d = r.birthDate();
        if (d != null) {
            keys.add("dob|" + d);
            LocalDate t = BirthDates.transposed(d);
            if (t != null) {
                keys.add("dob|" + t);
            }
            for (String part : r.familyParts()) {
                keys.add("name|" + Soundex.of(part) + "|" + d.getYear());
            }
            for (String given : r.givenNames()) {
                keys.add("name|" + Soundex.of(given) + "|" + d.getYear());
            }
        }
        for (String zip : r.postalCodes()) {
            for (String given : r.givenNames()) {
                keys.add("zip|" + zip + "|" + given.charAt(0));
            }
        }
        for (String phone : r.phones()) {
            keys.add("tel|" + phone);
        }
        return keys;
    }
}
