package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR R4 REST endpoint under {@code {fhirBase}}: metadata, SMART discovery, read, search
 * with paging, {@code $everything}, bulk export; every data request checked against the bearer
 * token. Thread safe. Pages are assembled from each resource's pre-serialised bytes.
 */
final class FhirEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FhirEndpoint.class);
    static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 1000;
    private static final int MAX_CURSORS = 2000;
    /** Search parameters whose value names the patient whose data is wanted. */
    private static final List<String> PATIENT_PARAMS = List.of("patient", "Patient", "subject",
            "subject:Patient", "beneficiary", "patient:Patient");
    private static final Set<String> INCLUDABLE = Set.of("Medication", "Practitioner", "Organization",
            "Location", "PractitionerRole");

    /** Credible publishes its Provider Directory without a token. */
    private static final Set<String> DIRECTORY_TYPES = Set.of("Practitioner", "PractitionerRole",
            "Organization", "Location");
    private static final Grants.AccessToken DIRECTORY_READER = new Grants.AccessToken("", new Grants.Grant(
            "provider-directory", Scopes.parse("user/Practitioner.rs user/PractitionerRole.rs "
            + "user/Organization.rs user/Location.rs"), null, null, null, Instant.EPOCH), Instant.MAX);
    /** In the US Core 3.1.1 lists (Credible, InSync) these are "read" only. */
    private static final Set<String> READ_ONLY_TYPES = Set.of("Medication", "Provenance");
    /** Search parameters understood here; Veracity refuses others with 400. */
    private static final Set<String> KNOWN_PARAMS = Set.of("patient", "Patient", "subject", "subject:Patient",
            "patient:Patient", "beneficiary", "_id", "category", "code", "date", "_lastUpdated", "_count",
            "_include", "_format", "_since", "_type", "_pretty", "_summary", "_elements", "_sort", "_total",
            "name", "family", "given", "birthdate", "gender", "identifier", "practitioner");

    private final DemoEhrContext ctx;
    private final AuthorizationServer auth;
    private final XmlFormat xml;
    private final PatientSearch patientSearch;
    final BulkExportJobs bulk;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_CURSORS;
        }
    };
    private volatile byte[] capabilityStatement;

    /** A search's full result, kept so that {@code next} links page through a stable snapshot. */
    private record Cursor(String id, String type, String patient, List<StoredEntry> matches,
                          List<String> includes, String bundleType) {
        Cursor(String type, String patient, List<StoredEntry> matches, List<String> includes, String bundleType) {
            this(UUID.randomUUID().toString(), type, patient, matches, includes, bundleType);
        }
    }

    FhirEndpoint(DemoEhrContext ctx, AuthorizationServer auth) {
        this.ctx = ctx;
        this.auth = auth;
        this.xml = new XmlFormat(ctx.mapper);
        this.patientSearch = new PatientSearch(ctx.mapper);
        this.bulk = new BulkExportJobs(ctx, this);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpCall call = new HttpCall(exchange, "/fhir");
        try {
            if (ctx.profile == VendorProfile.INSYNC) {
                call.setHeader("X-Powered-By", "Smile CDR (demo), HAPI FHIR 8.8.0 REST Server (FHIR Server; FHIR 4.0.1/R4)");
                call.setHeader("X-Request-ID", Grants.random(8));
            }
            route(call);
        } catch (FhirError e) {
            sendOutcome(call, e);
        } catch (RuntimeException e) {
            LOG.warn("FHIR request failed: {} {}", call.method, e.getClass().getSimpleName());
            LOG.debug("FHIR request failed", e);
            sendOutcome(call, new FhirError(500, "exception", "Internal error in the demo EHR."));
        } finally {
            if (!call.dropped) {
                exchange.close();
            }
        }
    }

    private void route(HttpCall call) throws IOException, FhirError {
        String path = call.path;
        if ("/metadata".equals(path)) {
            respond(call, 200, capabilityStatement());
            return;
        }
        if ("/.well-known/smart-configuration".equals(path)) {
            call.send(200, AuthorizationServer.JSON, ctx.mapper.writeValueAsBytes(auth.smartConfiguration()));
            return;
        }
        if (path.startsWith(BulkExportJobs.FILE_PATH)) {
            bulk.file(call, path.substring(BulkExportJobs.FILE_PATH.length()), bearer(call));
            return;
        }
        if (ctx.faults.before(call)) {
            return;
        }
        String[] seg = segments(path);
        Grants.AccessToken token = ctx.profile == VendorProfile.CREDIBLE && call.header("Authorization") == null
                && seg.length >= 1 && DIRECTORY_TYPES.contains(seg[0]) ? DIRECTORY_READER : bearer(call);
        if (ctx.profile == VendorProfile.CARECLOUD && "POST".equals(call.method)) {
            throw unsupported("HTTP POST is not supported; use GET " + ctx.fhirBase() + "/Type/_search?Patient=ID.", 405);
        }
        if (!"GET".equals(call.method) && !"HEAD".equals(call.method) && !"POST".equals(call.method)
                && !"DELETE".equals(call.method)) {
            throw unsupported("This demo EHR is read-only: " + call.method + " is not supported.", 405);
        }
        if (seg.length == 0) {
            if (call.param("_getpages") != null) {
                page(call, token);
                return;
            }
            throw unsupported("Name a resource type, e.g. " + ctx.fhirBase() + "/Patient.", 400);
        }
        if (seg[0].startsWith(BulkExportJobs.STATUS_SEGMENT)) {
            bulk.status(call, seg, token);
            return;
        }
        if ("DELETE".equals(call.method)) {
            throw unsupported("This demo EHR is read-only.", 405);
        }
        if ("$export".equals(seg[seg.length - 1])) {
            bulk.kickOff(call, seg, token);
            return;
        }
        String type = seg[0];
        if (!type.matches("[A-Z][A-Za-z]+")) {
            throw unsupported("Unknown resource type or operation: " + type, 400);
        }
        if (!ctx.profile.supports(type) || (ctx.profile.supportedTypes == null
                && !ctx.data.types().contains(type) && !VendorProfile.Types.US_CORE_311.contains(type)
                && !VendorProfile.Types.PAYER.contains(type))) {
            throw unsupported("This server does not support the resource type " + type + ".",
                    ctx.profile.unsupportedStatus());
        }
        if (seg.length == 1 || (seg.length == 2 && "_search".equals(seg[1]))) {
            if (READ_ONLY_TYPES.contains(type) && ctx.profile.supportedTypes == VendorProfile.Types.US_CORE_311) {
                throw unsupported(type + " supports read only on this server, not search.",
                        ctx.profile.unsupportedStatus());
            }
            Map<String, List<String>> params = new LinkedHashMap<>(call.query);
            if ("POST".equals(call.method)) {
                call.form().forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            } else if (seg.length == 1 && "POST".equals(call.method)) {
                throw unsupported("This demo EHR is read-only.", 405);
            }
            search(call, token, type, params);
        } else if (seg.length == 2) {
            read(call, token, type, seg[1]);
        } else if (seg.length == 3 && "Patient".equals(type) && "$everything".equals(seg[2])
                && ctx.profile != VendorProfile.CARECLOUD) {
            everything(call, token, seg[1]);
        } else {
            throw unsupported("Unsupported request: " + path, ctx.profile.unsupportedStatus());
        }
    }

    private static String[] segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.toArray(new String[0]);
    }

    static FhirError unsupported(String message, int status) {
        return new FhirError(status, status == 404 ? "not-found" : "not-supported", message);
    }

    // ---- access ----

    /** The caller's valid access token, or a 401. */
    Grants.AccessToken bearer(HttpCall call) throws FhirError {
        String h = call.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new FhirError(401, "login", "An access token is required (Authorization: Bearer ...).",
                    "invalid_request");
        }
        Grants.AccessToken t = ctx.grants.validAccessToken(h.substring(7).trim());
        if (t == null) {
            throw new FhirError(401, "login", "The access token is not valid or has expired.", "invalid_token");
        }
        return t;
    }

    /** Whether the token may see every patient's data of this type (user/ or system/ scopes). */
    static boolean broad(Grants.AccessToken t, String type, boolean search) {
        Scopes s = t.grant.scopes;
        return s.allows("user", type, search) || s.allows("system", type, search);
    }

    static FhirError forbidden(String message) {
        return new FhirError(403, "forbidden", message, "insufficient_scope");
    }

    /** Whether the token may read this stored resource. */
    static boolean mayRead(Grants.AccessToken t, StoredEntry e) {
        if (broad(t, e.type(), false)) {
            return true;
        }
        if (!t.grant.scopes.allows("patient", e.type(), false)) {
            return false;
        }
        return e.patientId() == null || e.patientId().equals(t.grant.patientId);
    }

    // ---- read ----

    private void read(HttpCall call, Grants.AccessToken token, String type, String id) throws IOException, FhirError {
        StoredEntry e = ctx.data.get(type, id);
        if (!broad(token, type, false) && !token.grant.scopes.allows("patient", type, false)) {
            throw forbidden("The access token's scopes do not include reading " + type + ".");
        }
        if (e == null) {
            throw new FhirError(404, "not-found", "Resource " + type + "/" + id + " is not known.");
        }
        if (!mayRead(token, e)) {
            throw forbidden("This resource is outside the access token's patient.");
        }
        call.setHeader("ETag", "W/\"1\"");
        call.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                e.lastUpdated().atOffset(ZoneOffset.UTC)));
        respond(call, 200, ctx.faults.shape(e.json()));
    }

    // ---- search ----

    private void search(HttpCall call, Grants.AccessToken token, String type, Map<String, List<String>> params)
            throws IOException, FhirError {
        if (ctx.profile == VendorProfile.VERACITY) {
            for (String p : params.keySet()) {
                if (!KNOWN_PARAMS.contains(p) && !(PatientSearch.applies(Map.of(p, List.of()))
                        && "Patient".equals(type))) {
                    throw unsupported("Search parameter " + p + " is not supported.", 400);
                }
            }
        }
        String patient = patientParam(params);
        if ("Patient".equals(type) && patient == null && first(params, "_id") != null) {
            patient = first(params, "_id");
        }
        boolean shared = BundleLoader.SHARED_TYPES.contains(type);
        if (!broad(token, type, true)) {
            if (!token.grant.scopes.allows("patient", type, true)) {
                throw forbidden("The access token's scopes do not include searching " + type + ".");
            }
            if (!shared) {
                String own = token.grant.patientId;
                if (own == null) {
                    throw forbidden("The access token has no patient in context.");
                }
                if (patient != null && !patient.equals(own)) {
                    throw forbidden("The access token is for another patient.");
                }
                patient = own;
            }
        }
        List<StoredEntry> candidates = null;
        if (patient != null && !shared) {
            candidates = ctx.data.ofPatient(patient, type);
        } else if ("Patient".equals(type) && PatientSearch.applies(params)) {
            candidates = patientSearch.candidates(ctx.data, params);
        }
        if (candidates == null) {
            candidates = ctx.data.ofType(type);
        }
        List<StoredEntry> matches = filter(candidates, params);
        if ("Patient".equals(type) && PatientSearch.applies(params)) {
            matches = patientSearch.filter(matches, params);
        }
        if ("PractitionerRole".equals(type) && first(params, "practitioner") != null) {
            matches = DirectorySearch.rolesOf(matches, first(params, "practitioner"), ctx.data, ctx.mapper);
        }
        int count = count(params);
        List<String> includes = params.getOrDefault("_include", List.of());
        Cursor cursor = new Cursor(type, shared ? null : patient, matches, includes, "searchset");
        respondPage(call, token, cursor, 0, count, selfUrl(call));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String patientParam(Map<String, List<String>> params) {
        for (String p : PATIENT_PARAMS) {
            String v = first(params, p);
            if (v != null && !v.isEmpty()) {
                int slash = v.lastIndexOf('/');
                return slash >= 0 ? v.substring(slash + 1) : v;
            }
        }
        return null;
    }

    static int count(Map<String, List<String>> params) throws FhirError {
        String c = first(params, "_count");
        if (c == null) {
            return DEFAULT_COUNT;
        }
        try {
            int n = Integer.parseInt(c.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_COUNT);
        } catch (NumberFormatException e) {
            throw new FhirError(400, "invalid", "_count must be a whole number.");
        }
    }

    /** Applies {@code _id}, {@code category}, {@code code}, {@code date}, {@code _lastUpdated}. */
    List<StoredEntry> filter(List<StoredEntry> in, Map<String, List<String>> params) throws FhirError {
        List<StoredEntry> out = in;
        String ids = first(params, "_id");
        if (ids != null) {
            Set<String> wanted = Set.of(ids.split(","));
            out = out.stream().filter(e -> wanted.contains(e.id())).toList();
        }
        for (String v : params.getOrDefault("category", List.of())) {
            Set<String> any = Set.of(v.split(","));
            out = out.stream().filter(e -> e.categories().stream().anyMatch(any::contains)).toList();
        }
        for (String v : params.getOrDefault("code", List.of())) {
            Set<String> any = Set.of(v.split(","));
            out = out.stream().filter(e -> e.codes().stream().anyMatch(any::contains)).toList();
        }
        for (String v : params.getOrDefault("date", List.of())) {
            DateParam d = DateParam.parse(v);
            out = out.stream().filter(e -> e.hasDate()
                    && FhirDates.matches(d.prefix, d.low, d.high, e.dateLow(), e.dateHigh())).toList();
        }
        List<String> lastUpdated = new ArrayList<>(params.getOrDefault("_lastUpdated", List.of()));
        String since = first(params, "_since");
        if (since != null) {
            lastUpdated.add("ge" + since);
        }
        for (String v : lastUpdated) {
            DateParam d = DateParam.parse(v);
            out = out.stream().filter(e -> {
                long t = e.lastUpdated().toEpochMilli();
                return FhirDates.matches(d.prefix, d.low, d.high, t, t + 1);
            }).toList();
        }
        String types = first(params, "_type");
        if (types != null) {
            Set<String> wanted = Set.of(types.split(","));
            out = out.stream().filter(e -> wanted.contains(e.type())).toList();
        }
        return out;
    }

    private record DateParam(String prefix, long low, long high) {
        static DateParam parse(String v) throws FhirError {
            String prefix = "eq";
            String value = v;
            if (v.length() > 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
                prefix = v.substring(0, 2);
                value = v.substring(2);
            }
            long[] r = FhirDates.range(value);
            if (r == null || !Set.of("eq", "ne", "gt", "ge", "lt", "le", "sa", "eb", "ap").contains(prefix)) {
                throw new FhirError(400, "invalid", "Not a FHIR date search value: " + v);
            }
            return new DateParam(prefix, r[0], r[1]);
        }
    }

    // ---- $everything ----

    private void everything(HttpCall call, Grants.AccessToken token, String patientId) throws IOException, FhirError {
        StoredEntry patient = ctx.data.get("Patient", patientId);
        if (patient == null) {
            throw new FhirError(404, "not-found", "Patient/" + patientId + " is not known.");
        }
        if (!mayRead(token, patient)) {
            throw forbidden("This patient is outside the access token's patient or scopes.");
        }
        List<StoredEntry> compartment = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>();
        for (StoredEntry e : ctx.data.ofPatient(patientId)) {
            if (ctx.profile.supports(e.type()) && mayRead(token, e)) {
                compartment.add(e);
                for (StoredEntry.Reference r : e.references()) {
                    String t = r.target().substring(0, r.target().indexOf('/'));
                    if (BundleLoader.SHARED_TYPES.contains(t)) {
                        shared.add(r.target());
                    }
                }
            }
        }
        for (String key : shared) {
            StoredEntry e = ctx.data.get(key);
            if (e != null && ctx.profile.supports(e.type()) && mayRead(token, e)) {
                compartment.add(e);
            }
        }
        Map<String, List<String>> params = new LinkedHashMap<>(call.query);
        List<StoredEntry> matches = filter(compartment, params);
        Cursor cursor = new Cursor("Patient", patientId, matches, List.of(), "searchset");
        respondPage(call, token, cursor, 0, count(params), selfUrl(call));
    }

    // ---- paging ----

    private void page(HttpCall call, Grants.AccessToken token) throws IOException, FhirError {
        Cursor cursor;
        synchronized (cursors) {
            cursor = cursors.get(call.param("_getpages"));
        }
        if (cursor == null) {
            throw new FhirError(410, "not-found", "This search has expired; run it again.");
        }
        if (cursor.patient != null && !broad(token, cursor.type, true)
                && !cursor.patient.equals(token.grant.patientId)) {
            throw forbidden("This search belongs to another patient.");
        }
        int offset;
        try {
            offset = Integer.parseInt(call.param("_getpagesoffset") == null ? "0" : call.param("_getpagesoffset"));
        } catch (NumberFormatException e) {
            throw new FhirError(400, "invalid", "_getpagesoffset must be a whole number.");
        }
        int count = count(call.query);
        respondPage(call, token, cursor, Math.max(0, offset), count, selfUrl(call));
    }

    private void respondPage(HttpCall call, Grants.AccessToken token, Cursor cursor, int offset, int count,
                             String self) throws IOException {
        int total = cursor.matches.size();
        int end = Math.min(total, offset + count);
        List<StoredEntry> page = offset >= total ? List.of() : cursor.matches.subList(offset, end);
        String next = null;
        if (end < total && count > 0) {
            String id;
            synchronized (cursors) {
                id = cursorId(cursor);
            }
            next = ctx.faults.nextLink(ctx.fhirBase() + "?_getpages=" + id + "&_getpagesoffset=" + end
                    + "&_count=" + count + "&_bundletype=" + cursor.bundleType, self);
        }
        List<StoredEntry> included = includes(token, page, cursor.includes);
        respond(call, 200, ctx.faults.shape(bundle(cursor.bundleType, total, self, next, page, included)));
    }

    private String cursorId(Cursor cursor) {
        cursors.putIfAbsent(cursor.id, cursor);
        return cursor.id;
    }

    private List<StoredEntry> includes(Grants.AccessToken token, List<StoredEntry> page, List<String> specs) {
        if (specs.isEmpty() || page.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (StoredEntry e : page) {
            seen.add(e.key());
        }
        List<StoredEntry> out = new ArrayList<>();
        for (StoredEntry e : page) {
            for (StoredEntry.Reference r : e.references()) {
                String targetType = r.target().substring(0, r.target().indexOf('/'));
                if (!INCLUDABLE.contains(targetType) || !wanted(specs, e.type(), r.field(), targetType)) {
                    continue;
                }
                if (seen.add(r.target())) {
                    StoredEntry inc = ctx.data.get(r.target());
                    if (inc != null && mayRead(token, inc)) {
                        out.add(inc);
                    }
                }
            }
        }
        return out;
    }

    /** {@code _include=Type:param[:Target]} or {@code *}; param matches the element name. */
    private static boolean wanted(Collection<String> specs, String type, String field, String targetType) {
        for (String spec : specs) {
            if ("*".equals(spec)) {
                return true;
            }
            String[] p = spec.split(":");
            if (p.length < 2 || !(p[0].equals(type) || "*".equals(p[0]))) {
                continue;
            }
            if (p.length >= 3 && !p[2].equals(targetType)) {
                continue;
            }
            if ("*".equals(p[1]) || field.equals(p[1]) || field.equals(p[1] + "Reference")
                    || (field.startsWith(p[1]) && field.length() > p[1].length()
                    && Character.isUpperCase(field.charAt(p[1].length())))) {
                return true;
            }
        }
        return false;
    }

    /** A Bundle assembled from pre-serialised resources: no re-parsing, no re-encoding. */
    byte[] bundle(String bundleType, int total, String self, String next, List<StoredEntry> matches,
                  List<StoredEntry> included) {
        int size = 512;
        for (StoredEntry e : matches) {
            size += e.json().length + 160;
        }
        for (StoredEntry e : included) {
            size += e.json().length + 160;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        String base = ctx.fhirBase().toString();
        write(out, "{\"resourceType\":\"Bundle\",\"id\":\"" + UUID.randomUUID() + "\",\"meta\":{\"lastUpdated\":\""
                + Instant.now() + "\"" + ProfileLabels.bundleSecurity(ctx.profile, matches) + "},\"type\":\"" + bundleType + "\",\"total\":" + total + ",\"link\":[{\"relation\":\"self\",\"url\":"
                + jsonString(self) + "}");
        if (next != null) {
            write(out, ",{\"relation\":\"next\",\"url\":" + jsonString(next) + "}");
        }
        write(out, "],\"entry\":[");
        boolean firstEntry = true;
        for (StoredEntry e : matches) {
            firstEntry = entry(out, base, e, "match", firstEntry);
        }
        for (StoredEntry e : included) {
            firstEntry = entry(out, base, e, "include", firstEntry);
        }
        write(out, "]}");
        return out.toByteArray();
    }

    private static boolean entry(ByteArrayOutputStream out, String base, StoredEntry e, String mode, boolean first) {
        write(out, (first ? "" : ",") + "{\"fullUrl\":\"" + base + "/" + e.type() + "/" + e.id() + "\",\"resource\":");
        out.writeBytes(e.json());
        write(out, ",\"search\":{\"mode\":\"" + mode + "\"}}");
        return false;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private String selfUrl(HttpCall call) {
        String q = call.exchange.getRequestURI().getRawQuery();
        return ctx.fhirBase() + call.path + (q == null ? "" : "?" + q);
    }

    // ---- output ----

    /** Sends JSON, or XML when {@code _format} / Accept asks for it or the server speaks only XML. */
    void respond(HttpCall call, int status, byte[] json) throws IOException {
        if (ctx.options.xmlOnly() || wantsXml(call)) {
            byte[] body;
            try {
                body = xml.toXml(json);
            } catch (RuntimeException e) {
                // malformed-json faults cannot be turned into XML: send them as they are
                call.send(status, FHIR_JSON, json);
                return;
            }
            call.send(status, "application/fhir+xml;charset=utf-8", body);
        } else {
            call.send(status, FHIR_JSON, json);
        }
    }

    static boolean wantsXml(HttpCall call) {
        String f = call.param("_format");
        if (f != null) {
            String l = f.toLowerCase(Locale.ROOT);
            return l.equals("xml") || l.contains("xml");
        }
        String accept = call.header("Accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("xml") && !a.contains("json");
    }

    void sendOutcome(HttpCall call, FhirError e) throws IOException {
        if (call.sent()) {
            return;
        }
        if (e.status == 401) {
            call.setHeader("WWW-Authenticate", "Bearer realm=\"chartlens-demo\""
                    + (e.bearerError == null ? "" : ", error=\"" + e.bearerError + "\""));
        } else if (e.status == 403 && e.bearerError != null) {
            call.setHeader("WWW-Authenticate", "Bearer realm=\"chartlens-demo\", error=\"" + e.bearerError + "\"");
        }
        respond(call, e.status, outcome(e.status >= 500 ? "fatal" : "error", e.code, e.getMessage()));
    }

    byte[] outcome(String severity, String code, String text) {
        ObjectNode oo = ctx.mapper.createObjectNode();
        oo.put("resourceType", "OperationOutcome");
        ObjectNode issue = oo.putArray("issue").addObject();
        issue.put("severity", severity);
        issue.put("code", code);
        issue.putObject("details").put("text", text);
        if (ctx.profile == VendorProfile.INSYNC) {
            issue.put("diagnostics", "HAPI-0000: " + text); // Smile CDR prefixes HAPI message codes
        }
        try {
            return ctx.mapper.writeValueAsBytes(oo);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // ---- metadata ----

    private byte[] capabilityStatement() throws IOException {
        byte[] c = capabilityStatement;
        if (c == null) {
            c = ctx.mapper.writeValueAsBytes(buildCapabilityStatement());
            capabilityStatement = c;
        }
        return c;
    }

    private ObjectNode buildCapabilityStatement() {
        ObjectNode cs = ctx.mapper.createObjectNode();
        cs.put("resourceType", "CapabilityStatement");
        cs.put("status", "active");
        cs.put("date", "2026-01-01");
        cs.put("kind", "instance");
        cs.putObject("software").put("name", "ChartLens demo EHR (" + ctx.profile.id() + " profile)");
        cs.putObject("implementation").put("description", "ChartLens demo EHR")
                .put("url", ctx.fhirBase().toString());
        cs.put("fhirVersion", "4.0.1");
        ArrayNode formats = cs.putArray("format");
        if (!ctx.options.xmlOnly()) {
            formats.add("json");
        }
        formats.add("xml");
        if (!ctx.options.xmlOnly()) {
            formats.add("application/fhir+json");
        }
        formats.add("application/fhir+xml");
        ObjectNode rest = cs.putArray("rest").addObject();
        rest.put("mode", "server");
        ObjectNode security = rest.putObject("security");
        security.putArray("service").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/restful-security-service")
                .put("code", "SMART-on-FHIR");
        if (ctx.profile != VendorProfile.VERACITY) {
            // Veracity publishes its endpoints only through .well-known (discovery required)
            ObjectNode ext = security.putArray("extension").addObject();
            ext.put("url", "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
            ArrayNode uris = ext.putArray("extension");
            uris.addObject().put("url", "authorize").put("valueUri", ctx.issuer() + "/authorize");
            uris.addObject().put("url", "token").put("valueUri", ctx.issuer() + "/token");
            uris.addObject().put("url", "revoke").put("valueUri", ctx.issuer() + "/revoke");
        }
        ArrayNode resources = rest.putArray("resource");
        // what route() serves: the profile's list, else the data's types plus the US Core and payer lists
        Set<String> types = new java.util.TreeSet<>();
        if (ctx.profile.supportedTypes != null) {
            types.addAll(ctx.profile.supportedTypes);
        } else {
            types.addAll(ctx.data.types());
            types.addAll(VendorProfile.Types.US_CORE_311);
            types.addAll(VendorProfile.Types.PAYER);
        }
        boolean readOnlyTypes = ctx.profile.supportedTypes == VendorProfile.Types.US_CORE_311;
        for (String type : types) {
            ObjectNode r = resources.addObject();
            r.put("type", type);
            ArrayNode interactions = r.putArray("interaction");
            interactions.addObject().put("code", "read");
            if (readOnlyTypes && READ_ONLY_TYPES.contains(type)) {
                continue; // "read" only in the vendor's list: no search parameters either
            }
            interactions.addObject().put("code", "search-type");
            ArrayNode params = r.putArray("searchParam");
            param(params, "_id", "token");
            param(params, "_lastUpdated", "date");
            if (!BundleLoader.SHARED_TYPES.contains(type) && !"Patient".equals(type)) {
                param(params, "patient", "reference");
                param(params, "subject", "reference");
                param(params, "category", "token");
                param(params, "code", "token");
                param(params, "date", "date");
            }
            if ("PractitionerRole".equals(type)) {
                param(params, "practitioner", "reference");
            }
            r.putArray("searchInclude").add("*");
            if ("Patient".equals(type)) {
                for (String p : PatientSearch.PARAMS) {
                    param(params, p, p.equals("birthdate") ? "date" : p.equals("gender") || p.equals("identifier")
                            ? "token" : "string");
                }
                if (ctx.profile != VendorProfile.CARECLOUD) {
                    // CareCloud documents Type/_search?Patient=ID, not $everything
                    r.putArray("operation").addObject().put("name", "everything")
                            .put("definition", "http://hl7.org/fhir/OperationDefinition/Patient-everything");
                }
            }
        }
        if (ctx.profile.backendServices) {
            ArrayNode ops = rest.putArray("operation");
            ops.addObject().put("name", "export")
                    .put("definition", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        }
        return cs;
    }

    private static void param(ArrayNode params, String name, String type) {
        params.addObject().put("name", name).put("type", type);
    }

    JsonNode tree(byte[] json) throws IOException {
        return ctx.mapper.readTree(json);
    }
}
