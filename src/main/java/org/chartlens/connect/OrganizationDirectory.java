package org.chartlens.connect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every organization ChartLens knows: the shipped presets merged with the ones the user added or
 * edited, which are kept in {@code <data dir>/organizations.json}. That file holds no secrets
 * (client secrets, keys and tokens live in the secret store). A user entry with a preset's id
 * edits that preset (client id, FHIR base, scopes) but can never grant it the password flow.
 *
 * <p>Thread safe (all methods synchronized); reads the user file once, writes it atomically on
 * each change (a few KB).
 */
public final class OrganizationDirectory {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Map<String, OrganizationPreset> presets;
    private final Path userFile;
    private final Map<String, Organization> userEntries = new LinkedHashMap<>();

    private OrganizationDirectory(Map<String, OrganizationPreset> presets, Path userFile) {
        this.presets = presets;
        this.userFile = userFile;
    }

    /** Presets from the class path plus the user's organizations under {@code dataDir}. */
    public static OrganizationDirectory open(Path dataDir) {
        OrganizationDirectory d = new OrganizationDirectory(loadPresets(), dataDir.resolve("organizations.json"));
        d.loadUserFile();
        return d;
    }

    /** The shipped presets only, in file order. */
    public static Map<String, OrganizationPreset> loadPresets() {
        try (InputStream in = OrganizationDirectory.class.getResourceAsStream("/organizations.json")) {
            if (in == null) {
                throw new IllegalStateException("organizations.json is missing from the class path");
            }
            PresetFile file = JSON.readValue(in, PresetFile.class);
            Map<String, OrganizationPreset> out = new LinkedHashMap<>();
            for (PresetEntry e : file.organizations) {
                Organization org = new Organization(e.id, e.name, e.fhirBase == null ? null : URI.create(e.fhirBase),
                        e.flow, e.clientId, e.scopes, e.quirks == null ? Set.of() : e.quirks,
                        e.sandboxProfile, true, e.description);
                List<DocumentedEndpoints> eps = new ArrayList<>();
                if (e.endpoints != null) {
                    for (EndpointEntry ep : e.endpoints) {
                        eps.add(new DocumentedEndpoints(ep.environment, uri(ep.fhirBase),
                                uri(ep.authorizationEndpoint), uri(ep.tokenEndpoint), ep.note));
                    }
                }
                Map<Organization.Flow, List<String>> flows = new LinkedHashMap<>();
                if (e.flows != null) {
                    e.flows.forEach((f, sc) -> flows.put(Organization.Flow.valueOf(f), sc));
                }
                out.put(e.id, new OrganizationPreset(org, eps, e.demoProfile, e.source, flows));
            }
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the organization presets", e);
        }
    }

    private static URI uri(String s) {
        return s == null ? null : URI.create(s);
    }

    private void loadUserFile() {
        if (!Files.isRegularFile(userFile)) {
            return;
        }
        try {
            UserFile f = JSON.readValue(userFile.toFile(), UserFile.class);
            if (f.organizations != null) {
                for (Organization o : f.organizations) {
                    userEntries.put(o.id(), o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + userFile + ": it is not valid JSON", e);
        }
    }

    /** All organizations: presets first (with the user's edits), then the user's own, by id. */
    public synchronized List<Organization> list() {
        List<Organization> out = new ArrayList<>();
        for (String id : presets.keySet()) {
            out.add(find(id).orElseThrow());
        }
        for (Organization o : userEntries.values()) {
            if (!presets.containsKey(o.id())) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * The organizations the user added or edited (a preset only once it has an entry in the user
     * file), in {@link #list()} order: what the desktop calls "your organizations".
     */
    public synchronized List<Organization> added() {
        return list().stream().filter(o -> userEntries.containsKey(o.id())).toList();
    }

    public synchronized Optional<Organization> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        OrganizationPreset p = presets.get(id);
        Organization user = userEntries.get(id);
        if (p == null) {
            return Optional.ofNullable(user);
        }
        if (user == null) {
            return Optional.of(p.organization());
        }
        return Optional.of(mergeEdit(p, user));
    }

    /** The organization, or an {@link IllegalArgumentException} naming the ones that exist. */
    public synchronized Organization require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No organization '" + id
                + "'. Known: " + String.join(", ", list().stream().map(Organization::id).toList())));
    }

    public synchronized Optional<OrganizationPreset> preset(String id) {
        return Optional.ofNullable(presets.get(id));
    }

    /**
     * The documented endpoints for the organization's current FHIR base (from its preset), used
     * only when discovery fails; null when there are none.
     */
    public synchronized DocumentedEndpoints documentedEndpoints(Organization org) {
        OrganizationPreset p = presets.get(org.id());
        if (p == null) {
            return null;
        }
        for (DocumentedEndpoints e : p.endpoints()) {
            if (e.fhirBase() != null && e.fhirBase().equals(org.fhirBase())) {
                return e;
            }
        }
        for (DocumentedEndpoints e : p.endpoints()) {
            if (e.fhirBase() == null && e.tokenEndpoint() != null) {
                return e;
            }
        }
        return null;
    }

    /**
     * Adds or edits an organization and writes the user file. An organization's identity is its
     * FHIR base URL: a non-preset whose FHIR base is already configured edits that organization
     * (whatever id it came with), and one at a new FHIR base gets its own entry, under a fresh id
     * when its id is taken (a second server on the same host never replaces the first, whose
     * cached charts stay its own). With a preset's id, edits that preset.
     *
     * @return the organization as stored (its id may differ from {@code org}'s)
     * @throws IllegalArgumentException for a bad id, or the password flow on a non-preset
     */
    public synchronized Organization save(Organization given) {
        Organization org = given;
        if (org.id() == null || !ID.matcher(org.id()).matches()) {
            throw new IllegalArgumentException("An organization name is 1-40 lower-case letters, digits, '.', '_' or '-'");
        }
        if (!presets.containsKey(org.id()) && org.fhirBase() != null) {
            String id = withFhirBase(given.fhirBase()).map(Organization::id).orElseGet(() -> unusedId(given.id()));
            if (!id.equals(org.id())) {
                org = new Organization(id, org.name(), org.fhirBase(), org.flow(), org.clientId(), org.scopes(),
                        org.quirks(), org.sandboxProfile(), org.preset(), org.description());
            }
        }
        OrganizationPreset p = presets.get(org.id());
        Organization stored;
        if (p != null) {
            stored = mergeEdit(p, org);
        } else {
            if (org.flow() == Organization.Flow.PASSWORD) {
                throw new IllegalArgumentException("The password flow sends your password to the app, which RFC 9700 "
                        + "forbids; ChartLens allows it only for organizations whose vendor documents require it "
                        + "(the CareCloud preset). Use pkce, secret or backend.");
            }
            if (org.fhirBase() == null) {
                throw new IllegalArgumentException("An organization needs a FHIR base URL");
            }
            stored = new Organization(org.id(), org.name() == null ? org.id() : org.name(), org.fhirBase(),
                    org.flow() == null ? Organization.Flow.PKCE : org.flow(), org.clientId(), org.scopes(),
                    org.quirks(), null, false, org.description());
        }
        userEntries.put(stored.id(), stored);
        writeUserFile();
        return stored;
    }

    /** The configured organization at this FHIR base (ignoring case of scheme and host, and a trailing slash). */
    public synchronized Optional<Organization> withFhirBase(URI base) {
        String key = baseKey(base);
        return list().stream().filter(o -> o.sandboxProfile() == null && o.fhirBase() != null
                && baseKey(o.fhirBase()).equals(key)).findFirst();
    }

    /** {@code wanted}, or {@code wanted-2}, {@code -3}... : the first that no organization uses. */
    synchronized String unusedId(String wanted) {
        String id = wanted;
        for (int n = 2; presets.containsKey(id) || userEntries.containsKey(id); n++) {
            String suffix = "-" + n;
            id = (wanted.length() + suffix.length() > 40 ? wanted.substring(0, 40 - suffix.length()) : wanted) + suffix;
        }
        return id;
    }

    /** A FHIR base as identity: scheme and host lower case, port, path without trailing slashes. */
    static String baseKey(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        String host = base.getHost() == null ? String.valueOf(base.getAuthority()) : base.getHost().toLowerCase(Locale.ROOT);
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return scheme + "://" + host + ":" + base.getPort() + path;
    }

    /** Forgets a user organization, or the user's edits of a preset. True if anything changed. */
    public synchronized boolean remove(String id) {
        if (userEntries.remove(id) == null) {
            return false;
        }
        writeUserFile();
        return true;
    }

    /** A preset edited by the user: presets keep their flow rules, quirks and sandbox profile. */
    private static Organization mergeEdit(OrganizationPreset p, Organization edit) {
        Organization preset = p.organization();
        Organization.Flow flow = edit.flow() == null ? preset.flow() : edit.flow();
        if (flow == Organization.Flow.PASSWORD && preset.flow() != Organization.Flow.PASSWORD) {
            flow = preset.flow();
        }
        // another documented flow (Credible: PKCE as well as backend services) brings its own scopes
        List<String> flowScopes = p.flows().getOrDefault(flow, preset.scopes());
        return new Organization(preset.id(),
                edit.name() != null ? edit.name() : preset.name(),
                preset.sandboxProfile() != null ? preset.fhirBase()
                        : edit.fhirBase() != null ? edit.fhirBase() : preset.fhirBase(),
                flow,
                edit.clientId() != null ? edit.clientId() : preset.clientId(),
                edit.scopes().isEmpty() ? flowScopes : edit.scopes(),
                preset.quirks(), preset.sandboxProfile(), true,
                edit.description() != null ? edit.description() : preset.description());
    }

    private void writeUserFile() {
        UserFile f = new UserFile();
        f.organizations = new ArrayList<>(userEntries.values());
        try {
            Files.createDirectories(userFile.getParent());
            Path tmp = Files.createTempFile(userFile.getParent(), "organizations", ".tmp");
            JSON.writeValue(tmp.toFile(), f);
            try {
                Files.move(tmp, userFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, userFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + userFile, e);
        }
    }

    /** Turns a display name into an id: "St. Mary's Clinic" -> "st.-mary-s-clinic". */
    public static String idFor(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class PresetFile {
        public List<PresetEntry> organizations = List.of();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class PresetEntry {
        public String id;
        public String name;
        public String fhirBase;
        public Organization.Flow flow;
        public String clientId;
        public List<String> scopes;
        public Set<Organization.Quirk> quirks;
        public String sandboxProfile;
        public String demoProfile;
        public String description;
        public String source;
        public List<EndpointEntry> endpoints;
        /** Other documented flows: flow name -> scopes. */
        public Map<String, List<String>> flows;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class EndpointEntry {
        public String environment;
        public String fhirBase;
        public String authorizationEndpoint;
        public String tokenEndpoint;
        public String note;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class UserFile {
        public List<Organization> organizations = List.of();
    }
}
