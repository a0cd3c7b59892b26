package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.store.AuditCheck;
import org.chartlens.store.AuditEvent;
import org.chartlens.store.ChartCache;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens audit [--since DATE] [--person P] [--csv|--json]}: the audit log, oldest first
 * ("who looked at this chart"); {@code chartlens audit verify}: checks the hash chain and the head
 * kept in the secret store, naming the first event missing or changed (exit 1 when broken).
 * Offline. Events hold no PHI beyond a patient's id, so neither does the output.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List the audit log (who did what, when, from where), or check it with 'audit verify'.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only events from this day (YYYY-MM-DD, local time) or instant (ISO-8601) on.")
    String since;

    @Option(names = "--person", paramLabel = "P",
            description = "Only events about this patient: its FHIR id, or ORG:ID for one organization.")
    String person;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--csv", description = "Print CSV (with a header line).")
        boolean csv;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;
    }

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? null : since(since, ZoneId.systemDefault());
        String org = null;
        String patient = person;
        if (person != null && person.lastIndexOf(':') > 0) {
            // FHIR ids have no ':'; organization ids may ("import:name")
            org = person.substring(0, person.lastIndexOf(':'));
            patient = person.substring(person.lastIndexOf(':') + 1);
        }
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "audit")) {
            List<AuditEvent> events = ctx.cache().auditEvents(from, org, patient);
            PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            print(events, format.csv ? "csv" : format.json ? "json" : "lines", out);
            out.flush();
            return 0;
        }
    }

    /** "2026-01-31" (start of that day in {@code zone}) or an ISO-8601 instant. */
    static Instant since(String text, ZoneId zone) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--since takes a date (2026-01-31) or an instant "
                    + "(2026-01-31T08:00:00Z), not '" + text + "'");
        }
    }

    static void print(List<AuditEvent> events, String how, PrintWriter out) throws Exception {
        switch (how) {
            case "csv" -> {
                out.print("seq,at,who,reviewer,event,org,patient,detail,source,hash\n");
                for (AuditEvent e : events) {
                    out.print(String.join(",", Long.toString(e.seq()), e.at().toString(), csv(e.who()),
                            csv(e.reviewer()), csv(e.event()), csv(e.org()), csv(e.patientId()), csv(e.detail()),
                            csv(e.source()), csv(e.hash())) + "\n");
                }
            }
            case "json" -> {
                ObjectMapper m = new ObjectMapper();
                ArrayNode arr = m.createArrayNode();
                for (AuditEvent e : events) {
                    ObjectNode o = arr.addObject();
                    o.put("seq", e.seq());
                    o.put("at", e.at().toString());
                    o.put("who", e.who());
                    o.put("reviewer", e.reviewer());
                    o.put("event", e.event());
                    o.put("org", e.org());
                    o.put("patientId", e.patientId());
                    o.put("detail", e.detail());
                    o.put("source", e.source());
                    o.put("hash", e.hash());
                }
                out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
            }
            default -> {
                for (AuditEvent e : events) {
                    out.println(e.seq() + "\t" + e.at() + "\t" + e.who()
                            + (e.reviewer() == null ? "" : " (" + e.reviewer() + ")") + "\t" + e.event()
                            + "\t" + blank(e.org()) + "\t" + blank(e.patientId()) + "\t" + blank(e.detail())
                            + "\t" + blank(e.source()));
                }
            }
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** {@code chartlens audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain and the head kept in the secret store; "
                    + "names the first event missing or changed. Exit 1 when the log was tampered with.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Override
        public Integer call() {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory(), "audit verify")) {
                return report(ctx.cache(), new PrintWriter(System.out, true, StandardCharsets.UTF_8));
            }
        }

        static int report(ChartCache cache, PrintWriter out) {
            AuditCheck check = cache.verifyAudit();
            out.println(check.message());
            out.flush();
            return check.intact() ? 0 : 1;
        }
    }
}
