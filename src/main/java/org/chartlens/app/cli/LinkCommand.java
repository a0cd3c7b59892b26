package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Persons;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens link ORG:ID ORG:ID} (the user confirms two records are the same person),
 * {@code chartlens link --reject ORG:ID ORG:ID} (they are not: never proposed again), and
 * {@code chartlens link --candidates [--json]} (the proposed pairs with score and evidence in
 * words). Linking and rejecting are audited; nothing is ever linked without this command or the
 * desktop's confirmation.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link two patient records as one person, list proposed links (--candidates), "
                + "or say two records are not the same person (--reject).")
public final class LinkCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(arity = "0..2", paramLabel = "ORG:ID", description = "Two records (ORG:ID, or ID when unique).")
    List<String> records = List.of();

    @Option(names = "--candidates", description = "List the proposed links, highest score first.")
    boolean candidates;

    @Option(names = "--reject", description = "The two records are NOT the same person (never proposed again).")
    boolean reject;

    @Option(names = "--json", description = "With --candidates: a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (candidates && (reject || !records.isEmpty())) {
            System.err.println("chartlens: --candidates takes no records; to link two, run 'chartlens link ORG:ID ORG:ID'");
            return 2;
        }
        if (!candidates && records.size() != 2) {
            System.err.println("chartlens: give two records, e.g. 'chartlens link demo:ID credible:ID' "
                    + "(see 'chartlens persons' or 'chartlens link --candidates')");
            return 2;
        }
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "link")) {
            Persons persons = Persons.of(ctx);
            if (candidates) {
                return listCandidates(ctx, persons);
            }
            if (reject) {
                persons.reject(records.get(0), records.get(1), null);
                System.out.println("Remembered: " + records.get(0) + " and " + records.get(1)
                        + " are not the same person; they will not be proposed again.");
                return 0;
            }
            Person p = persons.link(records.get(0), records.get(1), null);
            System.out.println("Linked as " + p.id() + ": " + describe(persons, p.records()));
            p.warnings().forEach(w -> System.out.println("  warning: " + w));
            return 0;
        }
    }

    private int listCandidates(ChartLensContext ctx, Persons persons) throws Exception {
        Persons.Snapshot s = persons.snapshot();
        ctx.audit(AuditAction.PATIENTS_LISTED, null, null, s.proposals().size() + " link candidates");
        if (json) {
            ArrayNode arr = new ObjectMapper().createArrayNode();
            for (Persons.Proposal p : s.proposals()) {
                ObjectNode o = arr.addObject();
                record(o.putObject("a"), p.a()).put("person", p.personA());
                record(o.putObject("b"), p.b()).put("person", p.personB());
                o.put("score", Math.round(p.score() * 100) / 100.0);
                o.put("strong", p.preselected());
                ArrayNode ev = o.putArray("evidence");
                p.evidence().forEach(ev::add);
                ArrayNode cf = o.putArray("conflicts");
                p.conflicts().forEach(cf::add);
            }
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(arr));
            return 0;
        }
        if (s.proposals().isEmpty()) {
            System.out.println("No possible links.");
            return 0;
        }
        for (Persons.Proposal p : s.proposals()) {
            System.out.printf(Locale.ROOT, "score %.1f%s%n", p.score(), p.preselected() ? "  strong (pre-selected)" : "");
            System.out.println("  " + line(p.a()));
            System.out.println("  " + line(p.b()));
            System.out.println("  evidence: " + String.join("; ", p.evidence()));
            if (!p.conflicts().isEmpty()) {
                System.out.println("  conflicts: " + String.join("; ", p.conflicts()));
            }
        }
        long strong = s.proposals().stream().filter(Persons.Proposal::preselected).count();
        System.out.println(s.proposals().size() + " possible links, " + strong + " strong. Confirm one with "
                + "'chartlens link ORG:ID ORG:ID', or say no with 'chartlens link --reject ORG:ID ORG:ID'.");
        return 0;
    }

    /**
     * After a sync or an import: proposes links over the whole cache and says on {@code err} how
     * many wait for the user (never links anything). Returns that number.
     */
    static int mentionCandidates(ChartLensContext ctx, java.io.PrintStream err) {
        return mentionCandidates(candidates(ctx), err);
    }

    /** The possible links between records, as {@code link --candidates} lists them. */
    static List<Persons.Proposal> candidates(ChartLensContext ctx) {
        return Persons.of(ctx).snapshot().proposals();
    }

    /** Says on {@code err} how many possible links there are to review; returns that number. */
    static int mentionCandidates(List<Persons.Proposal> proposals, java.io.PrintStream err) {
        if (!proposals.isEmpty()) {
            long strong = proposals.stream().filter(Persons.Proposal::preselected).count();
            err.println(proposals.size() + " possible link(s) between records (" + strong
                    + " strong) to review: 'chartlens link --candidates'");
        }
        return proposals.size();
    }

    private static String line(Persons.Record r) {
        return r.ref().qualified() + "\t" + r.name() + "\t" + (r.birthDate() == null ? "" : r.birthDate())
                + "\t" + r.organization();
    }

    static String describe(Persons persons, List<PatientRef> refs) {
        StringBuilder sb = new StringBuilder();
        for (PatientRef r : refs) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.qualified()).append(" (")
                    .append(persons.describe(r).organization()).append(')');
        }
        return sb.toString();
    }

    static ObjectNode record(ObjectNode o, Persons.Record r) {
        o.put("record", r.ref().qualified());
        o.put("org", r.ref().org());
        o.put("organization", r.organization());
        o.put("patientId", r.ref().id());
        o.put("name", r.name());
        o.put("birthDate", r.birthDate());
        o.put("lastSynced", r.lastSynced() == null ? null : r.lastSynced().toString());
        return o;
    }
}
