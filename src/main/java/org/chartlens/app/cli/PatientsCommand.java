package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.store.AuditAction;
import org.chartlens.store.CachedPatient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens patients [--json]}: the cached patients, one a line, each starting with the id
 * that {@code show} takes (the plain FHIR id when unique across organizations, else ORG:ID),
 * then name, birth date and organization, tab-separated. Works offline.
 */
@Command(name = "patients", mixinStandardHelpOptions = true,
        description = "List the patients in the local cache (no network needed).")
public final class PatientsCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Option(names = "--json", description = "Print a JSON array instead of lines.")
    boolean json;

    /** One patient as listed. */
    record Listed(String showId, String org, String id, String name, String birthDate, String lastSynced) {
    }

    @Override
    public Integer call() throws Exception {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "patients")) {
            List<Listed> rows = list(ctx.cache().patients());
            ctx.audit(AuditAction.PATIENTS_LISTED, null, null, rows.size() + " patients");
            if (rows.isEmpty() && !json) {
                System.err.println("chartlens: no patients cached yet; sign in and sync an organization "
                        + "('chartlens login ORG', then 'chartlens sync ORG') or import a file ('chartlens import FILE')");
                return 0;
            }
            ObjectMapper m = new ObjectMapper();
            if (json) {
                ArrayNode arr = m.createArrayNode();
                for (Listed l : rows) {
                    ObjectNode o = arr.addObject();
                    o.put("id", l.showId());
                    o.put("org", l.org());
                    o.put("patientId", l.id());
                    o.put("name", l.name());
                    o.put("birthDate", l.birthDate());
                    o.put("lastSynced", l.lastSynced());
                }
                System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
            } else {
                for (Listed l : rows) {
                    System.out.println(l.showId() + "\t" + l.name() + "\t" + (l.birthDate() == null ? "" : l.birthDate())
                            + "\t" + l.org());
                }
            }
            return 0;
        }
    }

    static List<Listed> list(List<CachedPatient> patients) {
        Map<String, Integer> idCount = new HashMap<>();
        patients.forEach(p -> idCount.merge(p.id(), 1, Integer::sum));
        ObjectMapper m = new ObjectMapper();
        return patients.stream().map(p -> {
            JsonNode n;
            try {
                n = m.readTree(p.json());
            } catch (Exception e) {
                n = m.createObjectNode();
            }
            String showId = idCount.get(p.id()) == 1 ? p.id() : p.org() + ":" + p.id();
            return new Listed(showId, p.org(), p.id(), name(n), n.path("birthDate").asText(null),
                    p.lastSynced() == null ? null : p.lastSynced().toString());
        }).toList();
    }

    /** "Given Family" from the official (else first) name, else its text, else "(no name)". */
    static String name(JsonNode patient) {
        JsonNode chosen = null;
        for (JsonNode n : patient.path("name")) {
            if (chosen == null || "official".equals(n.path("use").asText())) {
                chosen = n;
                if ("official".equals(n.path("use").asText())) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return "(no name)";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode g : chosen.path("given")) {
            sb.append(g.asText()).append(' ');
        }
        sb.append(chosen.path("family").asText(""));
        String s = sb.toString().trim();
        return s.isEmpty() ? chosen.path("text").asText("(no name)") : s;
    }
}
