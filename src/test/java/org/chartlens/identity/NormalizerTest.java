package org.chartlens.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    @Test
    void namesLoseCaseAccentsDigitsAndPunctuation() {
        assertEquals("jose", Normalizer.name("JOSÉ"));
        assertEquals("zoe", Normalizer.name("Zoë"));
        assertEquals("danille", Normalizer.name("Danille883"));
        assertEquals("obrien", Normalizer.name("O'Brien"));
        assertEquals("strasse", Normalizer.name("Straße"));
        assertEquals("", Normalizer.name(null));
    }

    @Test
    void familyNamesSplitAtHyphensAndSpaces() {
        assertEquals(List.of("dicki", "becker"), Normalizer.nameParts("Dicki44-Becker968"));
        assertEquals(List.of("garcia", "lopez"), Normalizer.nameParts("García López"));
        assertEquals(List.of("smith", "jones"), Normalizer.nameParts("Smith \u2013 Jones"));
    }

    @Test
    void identifierSystemsAsServersVaryThem() {
        String synthea = "http://github.com/synthetichealth/synthea";
        assertEquals(synthea, Normalizer.identifierSystem("https://github.com/synthetichealth/synthea"));
        // CareCloud: "https:\\github.com\\synthetichealth\\synthea" in its JSON
        assertEquals(synthea, Normalizer.identifierSystem("https:\\github.com\\synthetichealth\\synthea"));
        assertEquals(synthea, Normalizer.identifierSystem("HTTPS://GitHub.com/synthetichealth/synthea/"));
        assertEquals("http://vertexdr.m3meridian.com", Normalizer.identifierSystem("https:\\vertexdr.m3meridian.com"));
    }

    @Test
    void oidFormsAreOneSystem() {
        String dl = "urn:oid:2.16.840.1.113883.4.3.25";
        assertEquals(dl, Normalizer.identifierSystem("URN:OID:2.16.840.1.113883.4.3.25"));
        assertEquals(dl, Normalizer.identifierSystem("2.16.840.1.113883.4.3.25"));
        assertEquals(dl, Normalizer.identifierSystem(" urn:oid:2.16.840.1.113883.4.3.25 "));
        // the SSN's OID and its URL
        assertEquals("http://hl7.org/fhir/sid/us-ssn", Normalizer.identifierSystem("urn:oid:2.16.840.1.113883.4.1"));
        assertEquals("http://hl7.org/fhir/sid/us-ssn", Normalizer.identifierSystem("http://hl7.org/fhir/sid/us-ssn/"));
        assertEquals("http://hl7.org/fhir/sid/us-ssn", Normalizer.identifierSystem("http:\\hl7.org\\fhir\\sid\\us-ssn"));
    }

    @Test
    void identifierValuesWithoutSeparators() {
        assertEquals("999688039", Normalizer.identifierValue(" 999-68-8039 "));
        assertEquals("S99916093", Normalizer.identifierValue("s99916093"));
    }

    @Test
    void phonesAsDigits() {
        assertEquals("5553737645", Normalizer.phone("(555) 373-7645"));
        assertEquals("5553737645", Normalizer.phone("+1 555.373.7645"));
        assertEquals("5553737645", Normalizer.phone("555-373-7645"));
    }

    @Test
    void postalCodesGetTheirLeadingZerosBack() {
        assertEquals("06095", Normalizer.postalCode("6095"));
        assertEquals("43215", Normalizer.postalCode("43215-1234"));
        assertEquals("43215", Normalizer.postalCode("432151234"));
        assertEquals("SW1A1AA", Normalizer.postalCode("sw1a 1aa"));
    }
}
