package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.SignInStates;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.CompletenessMap;
import org.chartlens.domain.PatientRef;
import org.chartlens.store.AuditAction;
import org.chartlens.store.ChartStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code chartlens status PATIENT|ORG:ID [ORG:ID...] [--json]}: the completeness map (issue 17). */
@Command(name = "status", description = "What is missing from a patient's chart: per organization and resource type "
        + "the count held in the cache, when it was last pulled, and why anything is missing (not granted at sign-in, "
        + "not offered by the server, failed at the last sync, never pulled, sign-in running out); from the cache, "
        + "no network.")
public final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    ChartLensCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATIENT",
            description = "A FHIR id (unique across organizations), ORG:ID, or a person id (P-...); several for one "
                    + "person's records; one record of a linked person shows every record of that person.")
    List<String> patients;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "status")) {
            List<PatientRef> records = records(ctx.cache());
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            CompletenessMap map = ChartQuery.completeness(ctx.cache(), records,
                    SignInStates.of(ctx, records.stream().map(PatientRef::org).distinct().toList()), names,
                    Instant.now(), ZoneId.systemDefault());
            for (PatientRef p : records) {
                ctx.audit(AuditAction.SHOW, p.org(), p.id(), "part=status"
                        + (records.size() > 1 ? " person=" + records.size() + " records" : ""));
            }
            System.out.print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(map)) + "\n" : text(map));
            return 0;
        }
    }

    /** One typed PATIENT alone: the person it belongs to (every linked record); several: exactly those. */
    List<PatientRef> records(ChartStore store) {
        if (patients.size() == 1) {
            return ChartQuery.resolvePerson(store, patients.get(0)).records();
        }
        List<PatientRef> out = new java.util.ArrayList<>();
        for (String t : patients) {
            List<PatientRef> named = t.startsWith("P-") ? ChartQuery.resolvePerson(store, t).records()
                    : List.of(ChartQuery.resolve(store, t));
            named.stream().filter(r -> !out.contains(r)).forEach(out::add);
        }
        return out;
    }

    static String text(CompletenessMap map) {
        StringBuilder b = new StringBuilder();
        for (CompletenessMap.Row r : map.rows()) {
            b.append(r.orgName()).append(" (").append(r.record().org()).append(':').append(r.record().id()).append(')');
            if (!r.access().isEmpty()) {
                b.append(" · ").append(r.access());
            }
            if (r.accessFix() != CompletenessMap.Fix.NONE) {
                b.append(" -> ").append(r.accessFix().words());
            }
            b.append('\n');
            for (CompletenessMap.Cell c : map.cells()) {
                if (c.record().equals(r.record())) {
                    b.append(String.format(Locale.ROOT, "  %-20s %s%s%n", c.label(), c.words(),
                            c.fix() == CompletenessMap.Fix.NONE ? "" : " -> " + c.fix().words()));
                }
            }
        }
        b.append("Summary: ").append(map.summary()).append('\n');
        return b.toString();
    }

    static ObjectNode json(CompletenessMap map) {
        ObjectNode root = JSON.createObjectNode();
        root.put("summary", map.summary());
        ArrayNode rows = root.putArray("records");
        for (CompletenessMap.Row r : map.rows()) {
            ObjectNode o = rows.addObject();
            o.put("org", r.record().org());
            o.put("patient", r.record().id());
            o.put("organization", r.orgName());
            o.put("lastSynced", r.lastSynced() == null ? null : r.lastSynced().toString());
            o.put("signIn", r.access());
            o.put("signInFix", r.accessFix().name().toLowerCase(Locale.ROOT));
            if (r.grantDaysLeft() != null) {
                o.put("signInDaysLeft", r.grantDaysLeft());
            }
            ArrayNode cells = o.putArray("types");
            for (CompletenessMap.Cell c : map.cells()) {
                if (c.record().equals(r.record())) {
                    ObjectNode x = cells.addObject();
                    x.put("type", c.type());
                    x.put("label", c.label());
                    x.put("count", c.count());
                    x.put("lastPulled", c.lastPulled() == null ? null : c.lastPulled().toString());
                    x.put("status", c.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    x.put("why", c.words());
                    x.put("fix", c.fix().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        return root;
    }
}
