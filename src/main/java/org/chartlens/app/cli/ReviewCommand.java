package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Reviews;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.clinical.ReviewDiff;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.store.AuditAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens review PERSON|ORG:ID [--mark] [--json]} (issue 17): what arrived or changed
 * since the reviewer's last review of the person (every record linked as that person), grouped by
 * organization; {@code --mark} then records a review now. The reviewer: {@code CHARTLENS_REVIEWER},
 * else the name picked in the desktop's Settings, else the OS user. Offline; audited.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Print what is new or changed in a person's chart since your last review (from the cache, "
                + "no network); --mark records a review now.")
public final class ReviewCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "PERSON", description = "A person id (P-...), or ID / ORG:ID of any of its records.")
    String person;

    @Option(names = "--mark", description = "After printing, mark the person reviewed now.")
    boolean mark;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "review")) {
            Person p = ChartQuery.resolvePerson(ctx.cache(), person);
            List<PatientRef> records = p.records();
            String reviewer = Reviews.reviewer(ctx);
            ReviewDiff diff = ChartQuery.changesSince(ctx.cache(), records, reviewer);
            for (PatientRef r : records) {
                ctx.audit(AuditAction.SHOW, r.org(), r.id(), "part=review new=" + diff.newCount()
                        + " changed=" + diff.changedCount());
            }
            Instant marked = mark ? Reviews.mark(ctx.cache(), records, reviewer, "cli:review") : null;
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(json(p, reviewer, diff, marked, names)));
            } else {
                System.out.print(text(p, reviewer, diff, marked, names));
            }
            return 0;
        }
    }

    static String text(Person p, String reviewer, ReviewDiff d, Instant marked, OrganizationNames names) {
        StringBuilder b = new StringBuilder();
        b.append(p.id()).append("\treviewer ").append(reviewer).append('\t')
                .append(d.describe(ZoneId.systemDefault(), LocalDate.now())).append('\n');
        for (Map.Entry<String, List<ReviewDiff.Item>> e : d.byOrganization().entrySet()) {
            b.append(names.apply(e.getKey())).append('\n');
            for (ReviewDiff.Item i : e.getValue()) {
                b.append("  ").append(i.kind() == ReviewDiff.Kind.NEW ? "new    " : "changed").append('\t')
                        .append(i.reference()).append('\t').append(i.label())
                        .append(i.effective().isEmpty() ? "" : "\t" + i.effective()).append('\n');
            }
        }
        if (d.removed() > 0) {
            b.append(d.removed()).append(" item(s) known at the last review are no longer held\n");
        }
        if (marked != null) {
            b.append("Marked reviewed by ").append(reviewer).append(" at ").append(marked).append('\n');
        }
        return b.toString();
    }

    static ObjectNode json(Person p, String reviewer, ReviewDiff d, Instant marked, OrganizationNames names) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("person", p.id());
        o.put("reviewer", reviewer);
        o.put("lastReviewed", d.since() == null ? null : d.since().toString());
        o.put("new", d.newCount());
        o.put("changed", d.changedCount());
        o.put("removed", d.removed());
        ArrayNode items = o.putArray("items");
        for (ReviewDiff.Item i : d.items()) {
            ObjectNode n = items.addObject();
            n.put("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("org", i.org());
            n.put("organization", names.apply(i.org()));
            n.put("reference", i.reference());
            n.put("label", i.label());
            n.put("effective", i.effective());
        }
        o.put("marked", marked == null ? null : marked.toString());
        return o;
    }
}
