package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Reconciliations;
import org.chartlens.app.Reviews;
import org.chartlens.clinical.ChartData;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.Reconciliation;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.domain.ReconcileMark;
import org.chartlens.domain.ReconcileRow;
import org.chartlens.domain.ReconcileTable;
import org.chartlens.domain.UnitSystem;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens reconcile PERSON|ORG:ID [--json] [--mark KEY same|different|not-relevant [--note TEXT]]}
 * (issue 17 section 3): a person's medications, problems and allergies side by side across its
 * organizations, the rows where they disagree first, with the reviewer's marks; {@code --mark}
 * records a verdict on one row first. Offline; audited (the listing as {@code show}, a mark as
 * {@code reconcile-mark}).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "List a person's medications, problems and allergies side by side across its organizations "
                + "(disagreements first) with your marks; --mark KEY VERDICT records your verdict on a row first.")
public final class ReconcileCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "PERSON", description = "A person id (P-...), or ID / ORG:ID of any of its records.")
    String person;

    @Option(names = "--mark", arity = "2", paramLabel = "KEY VERDICT",
            description = "Mark the row KEY (as listed, e.g. med:lisinopril) same, different or not-relevant.")
    List<String> mark;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note with --mark (kept with the mark, printed in the summary).")
    String note;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (note != null && mark == null) {
            throw new IllegalArgumentException("--note goes with --mark KEY VERDICT");
        }
        ReconcileMark.Verdict verdict = mark == null ? null : ReconcileMark.Verdict.of(mark.get(1));
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "reconcile")) {
            Person p = ChartQuery.resolvePerson(ctx.cache(), person);
            List<PatientRef> records = p.records();
            ChartData chart = ChartQuery.openPerson(ctx.cache(), records, UnitSystem.METRIC, LocalDate.now());
            ReconcileTable table = Reconciliation.of(chart);
            String reviewer = Reviews.reviewer(ctx);
            if (verdict != null) {
                Reconciliations.mark(ctx.cache(), table, records, reviewer, mark.get(0), verdict, note, "cli:reconcile");
            }
            Map<String, ReconcileMark> marks = Reconciliations.marks(ctx.cache(), reviewer, records);
            for (PatientRef r : records) {
                ctx.audit(AuditAction.SHOW, r.org(), r.id(), "part=reconcile rows=" + table.rows().size()
                        + " differ=" + table.differing() + " marked=" + marks.size());
            }
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(json(p, reviewer, table, marks, names)));
            } else {
                System.out.print(text(p, reviewer, table, marks, names));
            }
            return 0;
        }
    }

    static String text(Person p, String reviewer, ReconcileTable t, Map<String, ReconcileMark> marks, OrganizationNames names) {
        StringBuilder b = new StringBuilder();
        b.append(p.id()).append("\treviewer ").append(reviewer).append('\t')
                .append(String.join(", ", t.orgs().stream().map(names).toList())).append('\n');
        if (t.singleOrganization()) {
            return b.append("One organization only: nothing to reconcile.\n").toString();
        }
        b.append(t.rows().size()).append(" rows, ").append(t.differing()).append(" where the organizations differ, ")
                .append(marks.size()).append(" marked by you\n");
        for (ReconcileRow r : t.rows()) {
            ReconcileMark m = marks.get(r.key());
            b.append('\n').append(r.agreementText().toUpperCase(Locale.ROOT)).append('\t').append(r.kind().words())
                    .append('\t').append(r.label()).append('\t').append(r.key()).append('\n');
            for (ReconcileRow.Cell c : r.cells()) {
                b.append("  ").append(names.apply(c.org())).append(": ").append(cellText(c)).append('\n');
            }
            b.append("  your mark: ").append(m == null ? "not marked" : m.describe()).append('\n');
        }
        return b.toString();
    }

    static String cellText(ReconcileRow.Cell c) {
        if (!c.listed()) {
            return "not listed";
        }
        StringBuilder b = new StringBuilder(c.status().isEmpty() ? "(no status)" : c.status());
        for (String s : List.of(c.name(), c.dates(), c.detail())) {
            if (!s.isEmpty()) {
                b.append(" · ").append(s);
            }
        }
        if (c.earlier() > 0) {
            b.append(" (+").append(c.earlier()).append(" earlier)");
        }
        return b.toString();
    }

    static ObjectNode json(Person p, String reviewer, ReconcileTable t, Map<String, ReconcileMark> marks,
                           OrganizationNames names) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("person", p.id());
        o.put("reviewer", reviewer);
        ArrayNode orgs = o.putArray("organizations");
        t.orgs().forEach(id -> orgs.addObject().put("id", id).put("name", names.apply(id)));
        o.put("differing", t.differing());
        ArrayNode rows = o.putArray("rows");
        for (ReconcileRow r : t.rows()) {
            ObjectNode n = rows.addObject();
            n.put("key", r.key());
            n.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            n.put("label", r.label());
            n.put("agreement", r.agreement().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            r.differsOn().forEach(n.putArray("differsOn")::add);
            ArrayNode cells = n.putArray("cells");
            for (ReconcileRow.Cell c : r.cells()) {
                ObjectNode cn = cells.addObject().put("org", c.org()).put("organization", names.apply(c.org()))
                        .put("listed", c.listed());
                if (c.listed()) {
                    cn.put("name", c.name()).put("status", c.status()).put("dates", c.dates()).put("detail", c.detail())
                            .put("earlier", c.earlier()).put("reference", c.source() == null ? null : c.source().reference());
                }
            }
            ReconcileMark m = marks.get(r.key());
            if (m != null) {
                n.putObject("mark").put("verdict", m.verdict().key()).put("words", m.verdict().words())
                        .put("note", m.note()).put("reviewer", m.reviewer()).put("at", m.at().toString());
            } else {
                n.putNull("mark");
            }
        }
        return o;
    }
}
