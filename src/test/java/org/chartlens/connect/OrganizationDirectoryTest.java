package org.chartlens.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets from resources/organizations.json merged with the user's organizations. */
class OrganizationDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void presetsCarryEachVendorsDocumentedFlowEndpointsAndQuirks() throws Exception {
        Map<String, OrganizationPreset> p = OrganizationDirectory.loadPresets();
        assertEquals(List.of("demo", "credible", "insync", "veracity", "carecloud", "payer"), List.copyOf(p.keySet()));
        Organization demo = p.get("demo").organization();
        assertEquals("demo", demo.sandboxProfile());
        assertEquals(Organization.Flow.PKCE, demo.flow());
        assertEquals("chartlens", demo.clientId());
        assertEquals(List.of("openid", "fhirUser", "offline_access", "user/*.read"), demo.scopes());

        assertEquals(Organization.Flow.BACKEND, p.get("credible").organization().flow());
        assertEquals(URI.create("https://sts-duende.cbhstg4.crediblebh.com/connect/token"),
                p.get("credible").environment("sandbox").orElseThrow().tokenEndpoint());
        assertEquals(URI.create("https://sts-duende.cbh4.crediblebh.com/connect/authorize"),
                p.get("credible").environment("production").orElseThrow().authorizationEndpoint());
        assertEquals(Organization.Flow.SECRET, p.get("insync").organization().flow());
        assertEquals(URI.create("https://api-cert.insynchcs.com/fhir-request"),
                p.get("insync").environment("production").orElseThrow().fhirBase());
        assertTrue(p.get("veracity").organization().quirks().containsAll(Set.of(Organization.Quirk.ROTATING_REFRESH_TOKENS,
                Organization.Quirk.DISCOVERY_REQUIRED, Organization.Quirk.REFRESH_GRANT_90_DAYS)));
        assertEquals(Organization.Flow.PASSWORD, p.get("carecloud").organization().flow());
        assertTrue(p.get("carecloud").organization().has(Organization.Quirk.SEARCH_VIA_UNDERSCORE_SEARCH));
        assertTrue(p.get("payer").organization().has(Organization.Quirk.PATIENT_FROM_ID_TOKEN_SUB));
        assertTrue(p.get("payer").organization().scopes().contains("launch/patient"));
        String shipped = new String(OrganizationDirectory.class.getResourceAsStream("/organizations.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(shipped.matches("(?s).*\"[A-Za-z]*([Ss]ecret|[Pp]assword)\"\\s*:.*"),
                "a secret shipped in the installer is no secret: presets carry none");
        for (OrganizationPreset x : p.values()) {
            assertTrue(x.organization().preset());
            assertEquals(x.organization().id(), x.demoProfile());
            assertNotNull(x.organization().description());
        }
    }

    @Test
    void userOrganizationsPersistWithoutSecretsAndMergeWithPresets() throws Exception {
        OrganizationDirectory d = OrganizationDirectory.open(dir);
        d.save(new Organization("st-marys", "St Mary's", URI.create("https://fhir.stmarys.example/r4"),
                Organization.Flow.SECRET, "abc", List.of("openid", "user/*.read"), null, null, false, null));
        d.save(new Organization("veracity", null, URI.create("https://fhir.veracity.example/r4"), null, "vera-client",
                List.of(), null, null, false, null));

        OrganizationDirectory again = OrganizationDirectory.open(dir);
        Organization mine = again.require("st-marys");
        assertFalse(mine.preset());
        assertEquals("abc", mine.clientId());
        Organization vera = again.require("veracity");
        assertTrue(vera.preset(), "an edited preset stays a preset");
        assertEquals("vera-client", vera.clientId());
        assertEquals(URI.create("https://fhir.veracity.example/r4"), vera.fhirBase());
        assertTrue(vera.has(Organization.Quirk.ROTATING_REFRESH_TOKENS), "quirks come from the preset");
        assertEquals(7, again.list().size());

        String file = Files.readString(dir.resolve("organizations.json"));
        assertFalse(file.matches("(?s).*\"[A-Za-z]*([Ss]ecret|[Tt]oken|[Kk]ey|[Pp]assword)\"\\s*:.*"), "no secret fields");
        assertTrue(again.remove("st-marys"));
        assertTrue(OrganizationDirectory.open(dir).find("st-marys").isEmpty());
    }

    /**
     * Issue 14: a second server on the same host (the desktop derived the id from the host) used
     * to replace the first entry, and the first server's cached charts were then credited to the
     * second. An organization's identity is its FHIR base.
     */
    @Test
    void aSecondServerOnTheSameHostGetsItsOwnEntry() {
        OrganizationDirectory d = OrganizationDirectory.open(dir);
        Organization first = d.save(new Organization("127-0-0-1", "Clinic A", URI.create("http://127.0.0.1:8080/fhir"),
                Organization.Flow.PKCE, "a", List.of("user/*.read"), null, null, false, null));
        Organization second = d.save(new Organization("127-0-0-1", "Clinic B", URI.create("http://127.0.0.1:9090/fhir"),
                Organization.Flow.PKCE, "b", List.of("user/*.read"), null, null, false, null));
        assertEquals("127-0-0-1", first.id());
        assertEquals("127-0-0-1-2", second.id(), "its own id, not the first one's");

        OrganizationDirectory again = OrganizationDirectory.open(dir);
        assertEquals(URI.create("http://127.0.0.1:8080/fhir"), again.require("127-0-0-1").fhirBase());
        assertEquals("Clinic A", again.require("127-0-0-1").name());
        assertEquals(URI.create("http://127.0.0.1:9090/fhir"), again.require("127-0-0-1-2").fhirBase());

        // the same FHIR base again (another id, a trailing slash) edits that organization
        Organization edit = d.save(new Organization("whatever", "Clinic A (main)", URI.create("HTTP://127.0.0.1:8080/fhir/"),
                Organization.Flow.PKCE, "a2", List.of("user/*.read"), null, null, false, null));
        assertEquals("127-0-0-1", edit.id());
        assertEquals("a2", d.require("127-0-0-1").clientId());
        assertEquals(8, d.list().size(), "six presets and the two servers");
    }

    @Test
    void credibleOffersPkceAsWellAsBackendServicesChosenWhenAdded() {
        OrganizationPreset credible = OrganizationDirectory.loadPresets().get("credible");
        assertEquals(Set.of(Organization.Flow.BACKEND, Organization.Flow.PKCE), credible.flows().keySet());
        OrganizationDirectory d = OrganizationDirectory.open(dir);
        assertEquals(Organization.Flow.BACKEND, d.require("credible").flow());
        assertEquals(List.of("system/*.read"), d.require("credible").scopes());
        // 'chartlens org add credible --flow pkce --client-id ID': the provider-facing app's scopes come with it
        d.save(new Organization("credible", null, null, Organization.Flow.PKCE, "my-app", List.of(), null, null, false, null));
        Organization pkce = d.require("credible");
        assertEquals(Organization.Flow.PKCE, pkce.flow());
        assertEquals("my-app", pkce.clientId());
        assertEquals(List.of("openid", "fhirUser", "offline_access", "user/*.read"), pkce.scopes());
        assertEquals(Organization.Flow.PKCE, OrganizationDirectory.open(dir).require("credible").flow(), "the choice persists");
    }

    @Test
    void thePasswordFlowIsOnlyForPresetsThatDocumentIt() {
        OrganizationDirectory d = OrganizationDirectory.open(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.save(new Organization("x", "X",
                URI.create("https://x.example/fhir"), Organization.Flow.PASSWORD, "c", List.of(), null, null, false, null)));
        assertTrue(e.getMessage().contains("RFC 9700"));
        Organization edited = d.save(new Organization("demo", null, null, Organization.Flow.PASSWORD, null, List.of(),
                null, null, false, null));
        assertEquals(Organization.Flow.PKCE, edited.flow(), "a preset cannot be switched to the password flow");
        assertTrue(d.require("carecloud").passwordGrantAllowed());
        assertFalse(d.require("demo").passwordGrantAllowed());
    }

    @Test
    void badIdsAreRefused() {
        OrganizationDirectory d = OrganizationDirectory.open(dir);
        assertThrows(IllegalArgumentException.class, () -> d.save(new Organization("Bad Name!", "x",
                URI.create("https://x.example"), Organization.Flow.PKCE, null, List.of(), null, null, false, null)));
        assertEquals("st.-mary-s-clinic", OrganizationDirectory.idFor("St. Mary's Clinic"));
        assertTrue(d.require("demo").sandboxProfile() != null);
        assertThrows(IllegalArgumentException.class, () -> d.require("nope"));
    }

    @Test
    void demoEhrAddressIsReadFromTheDataFolder() throws Exception {
        Organization demo = OrganizationDirectory.loadPresets().get("demo").organization();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoEhrAddress.resolve(demo, dir));
        assertEquals("Start the demo EHR first: chartlens sandbox", e.getMessage());
        Files.createDirectories(dir.resolve("sandbox"));
        Files.writeString(dir.resolve("sandbox/demo.url"), "http://127.0.0.1:4567/fhir/\n");
        assertEquals(URI.create("http://127.0.0.1:4567/fhir"), DemoEhrAddress.resolve(demo, dir).fhirBase());
        Organization insync = OrganizationDirectory.loadPresets().get("insync").organization();
        assertEquals(insync, DemoEhrAddress.resolve(insync, dir));
        assertNull(OrganizationDirectory.open(dir).documentedEndpoints(demo));
    }
}
