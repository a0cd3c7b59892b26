package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk Data Access (Flat FHIR) 1.0.1 export for backend-services clients: kick-off
 * ({@code Prefer: respond-async}) answers 202 + Content-Location; the first status poll answers
 * 202 with Retry-After (so clients exercise polling), later ones the manifest; files are NDJSON.
 * Thread safe. Jobs are snapshots in memory.
 */
final class BulkExportJobs {
    static final String STATUS_SEGMENT = "$export-status";
    static final String FILE_PATH = "/$export-file/";
    /** The one Group this server knows: every demo patient. */
    static final String GROUP_ID = "demo";

    private record Job(String id, String clientId, Instant transactionTime, String request,
                       Map<String, List<StoredEntry>> files, AtomicInteger polls) {
    }

    private final DemoEhrContext ctx;
    private final FhirEndpoint fhir;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    BulkExportJobs(DemoEhrContext ctx, FhirEndpoint fhir) {
        this.ctx = ctx;
        this.fhir = fhir;
    }

    void kickOff(HttpCall call, String[] seg, Grants.AccessToken token) throws IOException, FhirError {
        if (!ctx.profile.backendServices) {
            throw FhirEndpoint.unsupported("Bulk export is not offered by this server.", ctx.profile.unsupportedStatus());
        }
        boolean system = seg.length == 1;
        boolean patientLevel = seg.length == 2 && "Patient".equals(seg[0]);
        boolean group = seg.length == 3 && "Group".equals(seg[0]);
        if (!system && !patientLevel && !group) {
            throw FhirEndpoint.unsupported("Export is offered at /$export, /Patient/$export and /Group/"
                    + GROUP_ID + "/$export.", 400);
        }
        if (group && !GROUP_ID.equals(seg[1])) {
            throw new FhirError(404, "not-found", "Group/" + seg[1] + " is not known (try Group/" + GROUP_ID + ").");
        }
        String prefer = call.header("Prefer");
        if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            throw new FhirError(400, "invalid", "Bulk export needs the header Prefer: respond-async.");
        }
        String format = call.param("_outputFormat");
        if (format != null && !format.contains("ndjson")) {
            throw new FhirError(400, "not-supported", "Only NDJSON output is supported.");
        }
        if (!token.grant.scopes.hasContext("system")) {
            throw FhirEndpoint.forbidden("Bulk export needs system/ scopes (a backend-services client).");
        }
        Set<String> types = call.param("_type") == null ? null : Set.of(call.param("_type").split(","));
        Map<String, List<String>> filter = new LinkedHashMap<>();
        if (call.param("_since") != null) {
            filter.put("_lastUpdated", List.of("ge" + call.param("_since")));
        }
        List<StoredEntry> all = new ArrayList<>();
        for (String patient : ctx.data.patientIds()) {
            all.addAll(ctx.data.ofPatient(patient));
        }
        if (system) {
            for (String t : BundleLoader.SHARED_TYPES) {
                all.addAll(ctx.data.ofType(t));
            }
        }
        Map<String, List<StoredEntry>> files = new LinkedHashMap<>();
        for (StoredEntry e : fhir.filter(all, filter)) {
            if ((types == null || types.contains(e.type())) && ctx.profile.supports(e.type())
                    && token.grant.scopes.allows("system", e.type(), true)) {
                files.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
            }
        }
        String q = call.exchange.getRequestURI().getRawQuery();
        Job job = new Job(UUID.randomUUID().toString(), token.grant.clientId, ctx.grants.now(),
                ctx.fhirBase() + call.path + (q == null ? "" : "?" + q), files, new AtomicInteger());
        jobs.put(job.id, job);
        call.setHeader("Content-Location", ctx.fhirBase() + "/" + STATUS_SEGMENT + "/" + job.id);
        call.send(202, FhirEndpoint.FHIR_JSON, fhir.outcome("information", "informational", "Export started."));
    }

    void status(HttpCall call, String[] seg, Grants.AccessToken token) throws IOException, FhirError {
        Job job = seg.length == 2 ? jobs.get(seg[1]) : null;
        if (job == null) {
            throw new FhirError(404, "not-found", "No such export job.");
        }
        if (!job.clientId.equals(token.grant.clientId)) {
            throw FhirEndpoint.forbidden("This export belongs to another client.");
        }
        if ("DELETE".equals(call.method)) {
            jobs.remove(job.id);
            call.send(202, FhirEndpoint.FHIR_JSON, fhir.outcome("information", "informational", "Export cancelled."));
            return;
        }
        if (job.polls.getAndIncrement() == 0) {
            call.setHeader("Retry-After", "1");
            call.setHeader("X-Progress", "preparing files");
            call.send(202, null, (byte[]) null);
            return;
        }
        ObjectNode m = ctx.mapper.createObjectNode();
        m.put("transactionTime", job.transactionTime.toString());
        m.put("request", job.request);
        m.put("requiresAccessToken", true);
        ArrayNode output = m.putArray("output");
        job.files.forEach((type, list) -> output.addObject().put("type", type)
                .put("url", ctx.fhirBase() + FILE_PATH + job.id + "/" + type + ".ndjson")
                .put("count", list.size()));
        m.putArray("error");
        call.send(200, "application/json;charset=utf-8", ctx.mapper.writeValueAsBytes(m));
    }

    void file(HttpCall call, String rest, Grants.AccessToken token) throws IOException, FhirError {
        String[] p = rest.split("/");
        Job job = p.length == 2 ? jobs.get(p[0]) : null;
        if (job == null || !p[1].endsWith(".ndjson")) {
            throw new FhirError(404, "not-found", "No such export file.");
        }
        if (!job.clientId.equals(token.grant.clientId)) {
            throw FhirEndpoint.forbidden("This export belongs to another client.");
        }
        List<StoredEntry> entries = job.files.get(p[1].substring(0, p[1].length() - ".ndjson".length()));
        if (entries == null) {
            throw new FhirError(404, "not-found", "No such export file.");
        }
        int size = 0;
        for (StoredEntry e : entries) {
            size += e.json().length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (StoredEntry e : entries) {
            out.writeBytes(e.json());
            out.write('\n');
        }
        call.send(200, "application/fhir+ndjson", out.toByteArray());
    }
}
