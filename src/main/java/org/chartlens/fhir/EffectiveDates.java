package org.chartlens.fhir;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which element gives a resource its clinically relevant date, in order of preference, and
 * whether a value is a FHIR date/dateTime at all. Values are kept exactly as given: a
 * malformed date (e.g. {@code 8/27/1930 12:00:00 AM}) is stored as text and reported, never
 * dropped. Stateless and thread safe.
 */
public final class EffectiveDates {
    private EffectiveDates() {
    }

    /** Element names in order of preference; "*Period" elements contribute their start. */
    static final List<String> ORDER = List.of(
            "effectiveDateTime", "effectivePeriod", "effectiveInstant", "onsetDateTime", "onsetPeriod",
            "performedDateTime", "performedPeriod", "occurrenceDateTime", "occurrencePeriod", "period",
            "authoredOn", "recordedDate", "date", "issued", "created", "billablePeriod", "recorded",
            "birthDate", "start");

    private static final Pattern FHIR_DATE = Pattern.compile(
            "-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])"
                    + "(T([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]{1,9})?)?"
                    + "(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?");

    static int rank(String element) {
        return ORDER.indexOf(element);
    }

    /** True for a valid FHIR date, dateTime or instant (partial dates included). */
    public static boolean isFhirDate(String value) {
        return value != null && FHIR_DATE.matcher(value).matches();
    }
}
