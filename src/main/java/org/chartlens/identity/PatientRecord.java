package org.chartlens.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The demographics of one patient record, as its organization sends them (nothing normalised
 * here: the matcher normalises, and shows the original spelling in its evidence).
 *
 * @param names every name of the record (official, maiden, ...), each as family + given names
 * @param birthDate null when unknown or partial
 * @param sex FHIR administrative gender ({@code male}, {@code female}, {@code other},
 *            {@code unknown}) or null
 * @param postalCodes every address's postal code, as sent
 * @param phones every phone number, as sent
 * @param identifiers every identifier (system + value), as sent
 */
public record PatientRecord(RecordKey key, List<Name> names, LocalDate birthDate, String sex,
                            List<String> postalCodes, List<String> phones, List<Identifier> identifiers) {
    public PatientRecord {
        Objects.requireNonNull(key, "key");
        names = names == null ? List.of() : List.copyOf(names);
        postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
        phones = phones == null ? List.of() : List.copyOf(phones);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A name as sent: family may be null, given may be empty. */
    public record Name(String family, List<String> given) {
        public Name {
            given = given == null ? List.of() : List.copyOf(given);
        }
    }

    /** An identifier as sent. */
    public record Identifier(String system, String value) {
    }
}
