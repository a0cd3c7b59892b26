package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Persons;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens persons [--json]}: one line per person (records a user linked, or a record
 * alone): person id, name, birth date, then the records as {@code ORG:ID} with the organization's
 * name, tab-separated; warnings kept on a person on the lines below it. Works offline.
 */
@Command(name = "persons", mixinStandardHelpOptions = true,
        description = "List the persons in the local cache: linked records together, one line each (no network).")
public final class PersonsCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Option(names = "--json", description = "Print a JSON array instead of lines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "persons")) {
            Persons.Snapshot s = Persons.of(ctx).snapshot();
            ctx.audit(AuditAction.PATIENTS_LISTED, null, null, s.persons().size() + " persons");
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(s.persons())));
                return 0;
            }
            if (s.persons().isEmpty()) {
                System.err.println("chartlens: no patients cached yet; sign in and sync an organization "
                        + "('chartlens login ORG', then 'chartlens sync ORG') or import a file ('chartlens import FILE')");
                return 0;
            }
            for (Persons.Row r : s.persons()) {
                StringBuilder records = new StringBuilder();
                for (Persons.Record rec : r.records()) {
                    records.append(records.length() == 0 ? "" : ", ").append(rec.ref().qualified())
                            .append(" (").append(rec.organization()).append(')');
                }
                System.out.println(r.id() + "\t" + r.name() + "\t" + (r.birthDate() == null ? "" : r.birthDate())
                        + "\t" + records + (r.possibleMatches() == 0 ? ""
                        : "\t" + r.possibleMatches() + " possible match" + (r.possibleMatches() == 1 ? "" : "es")));
                r.warnings().forEach(w -> System.out.println("  warning: " + w));
            }
            if (!s.proposals().isEmpty()) {
                System.err.println(s.proposals().size() + " possible link(s): see 'chartlens link --candidates'");
            }
            return 0;
        }
    }

    static ArrayNode json(List<Persons.Row> rows) {
        ArrayNode arr = new ObjectMapper().createArrayNode();
        for (Persons.Row r : rows) {
            ObjectNode o = arr.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("birthDate", r.birthDate());
            ArrayNode recs = o.putArray("records");
            for (Persons.Record rec : r.records()) {
                LinkCommand.record(recs.addObject(), rec);
            }
            ArrayNode w = o.putArray("warnings");
            r.warnings().forEach(w::add);
            o.put("possibleMatches", r.possibleMatches());
        }
        return arr;
    }
}
