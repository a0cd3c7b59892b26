package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who the demo people are at each vendor: no real network serves one person under the same FHIR
 * id and MRN at five organizations. The {@code demo} profile serves the Synthea data unchanged;
 * every other profile gives each resource its own id (a name-based UUID of profile + Synthea id,
 * applied to every reference), gives each patient its own MRN system and value, spells the shared
 * identifier systems its own way, and carries the deliberate variations listed in
 * docs/demo-ehr.md ("Identities per profile"). The person-linking tests count on that table.
 * Stateless.
 */
final class ProfileIdentities {
    static final String SYNTHEA_SYSTEM = "https://github.com/synthetichealth/synthea";
    static final String HOSPITAL_MRN_SYSTEM = "http://hospital.smarthealthit.org";
    static final String SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn";
    static final String DL_SYSTEM = "urn:oid:2.16.840.1.113883.4.3.25";
    static final String PASSPORT_SYSTEM = "http://hl7.org/fhir/sid/passport-USA";

    // Synthea ids of the demo people with a planted variation (resources/demo-data/index.txt)
    static final String DANILLE = "7eb54c1c-22c2-307e-4e5c-b039f813159b";
    static final String BABETTE = "66869047-db8a-d664-d736-2487cb9e0850";
    static final String CHAS = "7c8902c0-c97a-6c98-8bcd-a12fd0cbebf8";
    static final String ELANA = "6c5f5393-3f22-dbf4-fd69-bac27f5f525a";
    static final String FAWN = "b6b0f91a-1922-9832-8edc-0f5bb2e1c388";
    static final String IRENE = "d7ad2617-beb1-c17f-3298-d055c2e1f75c";
    static final String JAMIE = "1d032331-37ec-ccb6-f124-441110084906";

    /** The profile that also serves a second, different Jeromy Stiedemann, made from Chas's chart. */
    static final VendorProfile NAMESAKE_PROFILE = VendorProfile.INSYNC;
    /** Whose bundle the namesake's chart is made from. */
    static final String NAMESAKE_SOURCE = CHAS;

    /** Each vendor's own MRN system (CareCloud's is written with backslashes by its data shape). */
    private static final Map<VendorProfile, String> MRN_SYSTEMS = Map.of(
            VendorProfile.CREDIBLE, "urn:oid:2.16.840.1.113883.19.5.101",
            VendorProfile.INSYNC, "urn:oid:2.16.840.1.113883.19.5.102",
            VendorProfile.VERACITY, "https://veracity.example.org/fhir/mrn",
            VendorProfile.CARECLOUD, "https://vertexdr.m3meridian.com",
            VendorProfile.PAYER, "https://chartlens.example/payer/member-id");

    private ProfileIdentities() {
    }

    /** Whether the profile serves its own ids (every profile but {@code demo}). */
    static boolean ownIds(VendorProfile profile) {
        return profile != VendorProfile.DEMO;
    }

    static String mrnSystem(VendorProfile profile) {
        return MRN_SYSTEMS.get(profile);
    }

    /**
     * The id a profile serves for a Synthea id: a name-based (version 3) UUID of the profile and
     * the id, so every start and the build-time data agree. {@code namesake} ids are another set.
     */
    static String id(VendorProfile profile, boolean namesake, String original) {
        if (!ownIds(profile) && !namesake) {
            return original;
        }
        String name = "chartlens-demo:" + profile.id() + (namesake ? ":namesake:" : ":") + original;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Rewrites the namesake copy's {@code urn:uuid:} references so they stay inside the copy. */
    static void namesakeReferences(VendorProfile profile, JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("reference");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("urn:uuid:")) {
                o.put("reference", "urn:uuid:" + id(profile, true, ref.asText().substring("urn:uuid:".length())));
            }
            Iterator<JsonNode> children = o.elements();
            while (children.hasNext()) {
                JsonNode c = children.next();
                if (c.isContainerNode()) {
                    namesakeReferences(profile, c);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode c : a) {
                namesakeReferences(profile, c);
            }
        }
    }

    /**
     * Shapes one Patient as the profile records that person: identifiers, then the planted
     * variations. {@code syntheaId} is the id in the bundle; {@code namesake} marks the copy that
     * becomes the second Jeromy Stiedemann.
     */
    static void patient(VendorProfile profile, ObjectNode p, String syntheaId, boolean namesake) {
        if (!ownIds(profile) && !namesake) {
            return;
        }
        identifiers(profile, p, syntheaId, namesake);
        if (namesake) {
            namesake(p);
            return;
        }
        switch (profile) {
            case CREDIBLE -> {
                if (BABETTE.equals(syntheaId)) {
                    keepFirstGivenOnly(p); // the middle name "Bernetta" is not recorded
                }
                if (ELANA.equals(syntheaId)) {
                    swapDayAndMonth(p); // 1964-12-02 entered as 1964-02-12
                }
            }
            case INSYNC -> {
                if (IRENE.equals(syntheaId)) {
                    setFirstGiven(p, "Rena"); // a nickname of Irene
                }
            }
            case VERACITY -> {
                if (CHAS.equals(syntheaId)) {
                    moveTo(p, "88 East Broad Street", "Columbus", "OH", "43215"); // was 43229
                }
            }
            case CARECLOUD -> {
                if (JAMIE.equals(syntheaId)) {
                    swapGivenAndFamily(p); // entered as family "Jamie", given "Ryan"
                }
                upperCaseFamily(p); // as in the vendor's example ("ABRAHAM")
                formatPhones(p); // (555) 373-7645
            }
            case PAYER -> {
                if (FAWN.equals(syntheaId)) {
                    hyphenateWithMaiden(p); // "Dicki44-Becker968"
                }
            }
            default -> {
            }
        }
    }

    /**
     * Own MRN first; the Synthea id and the demo hospital's MRN dropped (CareCloud keeps the
     * hospital MRN as an external one); SSN, driver's licence and passport kept in the vendor's
     * spelling of their systems, except at the payer, which knows its member id only.
     */
    private static void identifiers(VendorProfile profile, ObjectNode p, String syntheaId, boolean namesake) {
        ArrayNode old = p.has("identifier") && p.get("identifier").isArray() ? (ArrayNode) p.get("identifier") : null;
        ArrayNode ids = p.putArray("identifier");
        ObjectNode mrn = ids.addObject();
        mrn.putObject("type").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0203").put("code", "MR")
                .put("display", "Medical Record Number");
        mrn.put("system", mrnSystem(profile));
        mrn.put("value", mrnValue(profile, syntheaId, namesake));
        if (old == null) {
            return;
        }
        for (JsonNode ident : old) {
            String system = ident.path("system").asText("");
            if (SYNTHEA_SYSTEM.equals(system)) {
                continue;
            }
            if (HOSPITAL_MRN_SYSTEM.equals(system)) {
                if (profile == VendorProfile.CARECLOUD && !namesake) {
                    ids.add(ident.deepCopy());
                }
                continue;
            }
            if (profile == VendorProfile.PAYER) {
                continue;
            }
            ObjectNode copy = ((ObjectNode) ident).deepCopy();
            if (namesake) {
                if (!SSN_SYSTEM.equals(system)) {
                    continue; // no licence or passport for the namesake
                }
                copy.put("value", "999-" + digits(syntheaId + ":namesake", 2) + "-" + digits(syntheaId + ":ssn", 4));
            }
            copy.put("system", spelling(profile, system));
            ids.add(copy);
        }
    }

    /** How a vendor writes the shared identifier systems (CareCloud's backslashes come later). */
    static String spelling(VendorProfile profile, String system) {
        if (profile == VendorProfile.INSYNC && SSN_SYSTEM.equals(system)) {
            return SSN_SYSTEM + "/"; // trailing slash
        }
        if (profile == VendorProfile.VERACITY && SSN_SYSTEM.equals(system)) {
            return "urn:oid:2.16.840.1.113883.4.1"; // the SSN's OID instead of its URL
        }
        if (profile == VendorProfile.VERACITY && DL_SYSTEM.equals(system)) {
            return DL_SYSTEM.toUpperCase(Locale.ROOT); // URN:OID:...
        }
        return system;
    }

    static String mrnValue(VendorProfile profile, String syntheaId, boolean namesake) {
        String seed = profile.id() + (namesake ? ":namesake:" : ":") + syntheaId;
        return switch (profile) {
            case CARECLOUD -> "000" + digits(seed, 6); // leading zeros, as in the vendor's example
            case PAYER -> "M" + digits(seed, 9);
            case VERACITY -> "V-" + digits(seed, 7);
            default -> digits(seed, 8);
        };
    }

    /** {@code n} decimal digits derived from a seed (deterministic). */
    private static String digits(String seed, int n) {
        UUID u = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        long v = Math.abs(u.getMostSignificantBits() ^ u.getLeastSignificantBits());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + (int) (v % 10)));
            v /= 10;
        }
        return b.toString();
    }

    /**
     * The second Jeromy Stiedemann: Chas Satterfield's chart renamed; same name and birth year as
     * the real Jeromy (2002-10-24) but born 2002-03-30, another address and phone, no maiden name.
     */
    private static void namesake(ObjectNode p) {
        ArrayNode names = p.putArray("name");
        ObjectNode n = names.addObject();
        n.put("use", "official");
        n.put("family", "Stiedemann542");
        n.putArray("given").add("Jeromy156");
        n.putArray("prefix").add("Mr.");
        p.put("birthDate", "2002-03-30");
        p.put("gender", "male");
        moveTo(p, "12 Neil Avenue", "Columbus", "OH", "43201");
        ArrayNode telecom = p.putArray("telecom");
        telecom.addObject().put("system", "phone").put("value", "555-604-1187").put("use", "home");
    }

    private static void keepFirstGivenOnly(ObjectNode p) {
        for (JsonNode n : p.path("name")) {
            if (n instanceof ObjectNode o && o.path("given").size() > 1) {
                String first = o.path("given").get(0).asText();
                o.putArray("given").add(first);
            }
        }
    }

    private static void setFirstGiven(ObjectNode p, String given) {
        for (JsonNode n : p.path("name")) {
            if (n instanceof ObjectNode o && o.path("given").isArray() && o.path("given").size() > 0) {
                ((ArrayNode) o.get("given")).set(0, given);
            }
        }
    }

    private static void swapDayAndMonth(ObjectNode p) {
        String d = p.path("birthDate").asText("");
        if (d.matches("\\d{4}-\\d{2}-\\d{2}")) {
            p.put("birthDate", d.substring(0, 5) + d.substring(8, 10) + "-" + d.substring(5, 7));
        }
    }

    private static void moveTo(ObjectNode p, String line, String city, String state, String zip) {
        ArrayNode addresses = p.putArray("address");
        ObjectNode a = addresses.addObject();
        a.putArray("line").add(line);
        a.put("city", city);
        a.put("state", state);
        a.put("postalCode", zip);
        a.put("country", "US");
    }

    private static void upperCaseFamily(ObjectNode p) {
        for (JsonNode n : p.path("name")) {
            if (n instanceof ObjectNode o && o.hasNonNull("family")) {
                o.put("family", o.get("family").asText().toUpperCase(Locale.ROOT));
            }
        }
    }

    private static void formatPhones(ObjectNode p) {
        for (JsonNode t : p.path("telecom")) {
            if (t instanceof ObjectNode o && "phone".equals(o.path("system").asText())) {
                String d = o.path("value").asText("").replaceAll("\\D", "");
                if (d.length() == 10) {
                    o.put("value", "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6));
                }
            }
        }
    }

    private static void swapGivenAndFamily(ObjectNode p) {
        for (JsonNode n : p.path("name")) {
            if (n instanceof ObjectNode o && o.hasNonNull("family") && o.path("given").size() > 0) {
                String family = o.get("family").asText();
                String given = o.path("given").get(0).asText();
                o.put("family", given);
                ((ArrayNode) o.get("given")).set(0, family);
            }
        }
    }

    private static void hyphenateWithMaiden(ObjectNode p) {
        String maiden = null;
        for (JsonNode n : p.path("name")) {
            if ("maiden".equals(n.path("use").asText())) {
                maiden = n.path("family").asText(null);
            }
        }
        if (maiden == null) {
            return;
        }
        ArrayNode names = (ArrayNode) p.get("name");
        for (int i = names.size() - 1; i >= 0; i--) {
            if ("maiden".equals(names.get(i).path("use").asText())) {
                names.remove(i);
            }
        }
        for (JsonNode n : names) {
            if (n instanceof ObjectNode o && o.hasNonNull("family")) {
                o.put("family", o.get("family").asText() + "-" + maiden);
            }
        }
    }
}
