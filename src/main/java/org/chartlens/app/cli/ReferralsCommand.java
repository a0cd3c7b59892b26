package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.ReferralList;
import org.chartlens.app.Reviews;
import org.chartlens.clinical.ChartQuery;
import org.chartlens.connect.OrganizationNames;
import org.chartlens.domain.PatientRef;
import org.chartlens.domain.Person;
import org.chartlens.ui.port.ReferralsPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens referrals [--json]} (issue 17, the clinic day): the referral list by due day,
 * overdue and due today said in words, with what is new since the reviewer's last review;
 * {@code referrals add PERSON --due DAY --reason TEXT}, {@code referrals edit PERSON [--due] [--reason]},
 * {@code referrals remove PERSON}, each audited. Offline.
 */
@Command(name = "referrals", mixinStandardHelpOptions = true,
        description = "The referral list: who is due when and why (add, edit, remove; audited).",
        subcommands = {ReferralsCommand.Add.class, ReferralsCommand.Edit.class, ReferralsCommand.Remove.class})
public final class ReferralsCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "referrals")) {
            OrganizationNames names = new OrganizationNames(ctx.organizations().list());
            List<ReferralsPort.Entry> list = ReferralList.entries(ctx.cache(), names);
            ctx.audit(org.chartlens.store.AuditAction.PATIENTS_LISTED, null, null, "referrals " + list.size() + " persons");
            String reviewer = Reviews.reviewer(ctx);
            LocalDate today = LocalDate.now();
            ArrayNode array = new ObjectMapper().createArrayNode();
            StringBuilder text = new StringBuilder();
            for (ReferralsPort.Entry e : list) {
                String since = ChartQuery.changesSince(ctx.cache(), e.records(), reviewer)
                        .describe(ZoneId.systemDefault(), today);
                String when = org.chartlens.domain.Referral.dueWords(e.due(), today);
                if (json) {
                    ObjectNode o = array.addObject();
                    o.put("person", e.personId());
                    o.put("name", e.name());
                    o.put("birthDate", e.birthDate());
                    o.put("due", e.due().toString());
                    o.put("status", when.isEmpty() ? "later" : when.startsWith("overdue") ? "overdue" : "today");
                    o.put("reason", e.reason());
                    o.put("sinceReview", since);
                    ArrayNode recs = o.putArray("records");
                    e.records().forEach(r -> recs.add(r.qualified()));
                } else {
                    text.append(e.due()).append(when.isEmpty() ? "" : " (" + when + ")").append('\t')
                            .append(e.personId()).append('\t').append(e.name()).append('\t')
                            .append(String.join(", ", e.organizations())).append('\t').append(e.reason()).append('\t')
                            .append(since).append('\n');
                }
            }
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else {
                System.out.print(list.isEmpty() ? "Nobody is on the referral list. Add someone with "
                        + "'chartlens referrals add PERSON --due DAY --reason TEXT'.\n" : text);
            }
            return 0;
        }
    }

    /** "today", "tomorrow" or YYYY-MM-DD. */
    static LocalDate day(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("today")) {
            return LocalDate.now();
        }
        if (t.equals("tomorrow")) {
            return LocalDate.now().plusDays(1);
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day: use YYYY-MM-DD, 'today' or 'tomorrow'");
        }
    }

    private static PatientRef record(ChartLensContext ctx, String person) {
        Person p = ChartQuery.resolvePerson(ctx.cache(), person);
        return p.records().get(0);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Put a person on the referral list.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ReferralsCommand parent;
        @Parameters(index = "0", paramLabel = "PERSON", description = "A person id (P-...), or ID / ORG:ID of any of its records.")
        String person;
        @Option(names = "--due", required = true, paramLabel = "DAY", description = "YYYY-MM-DD, 'today' or 'tomorrow'.")
        String due;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, e.g. 'referred by Dr X, cardiology'.")
        String reason = "";

        @Override
        public Integer call() {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory(), "referrals")) {
                PatientRef r = record(ctx, person);
                var added = ctx.cache().referrals().add(r, day(due), reason, "cli:referrals");
                System.out.println(added.person().id() + " is on the referral list, due " + added.due());
                return 0;
            }
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a listed person's due day or reason.")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        ReferralsCommand parent;
        @Parameters(index = "0", paramLabel = "PERSON", description = "A person id (P-...), or ID / ORG:ID of any of its records.")
        String person;
        @Option(names = "--due", paramLabel = "DAY", description = "YYYY-MM-DD, 'today' or 'tomorrow'.")
        String due;
        @Option(names = "--reason", paramLabel = "TEXT", description = "The new reason.")
        String reason;

        @Override
        public Integer call() {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory(), "referrals")) {
                PatientRef r = record(ctx, person);
                var was = ctx.cache().referrals().of(r).orElseThrow(() -> new IllegalArgumentException(
                        person + " is not on the referral list (see 'chartlens referrals')"));
                var now = ctx.cache().referrals().change(r, due == null ? was.due() : day(due),
                        reason == null ? was.reason() : reason, "cli:referrals");
                System.out.println(now.person().id() + " is due " + now.due());
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take a person off the referral list.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ReferralsCommand parent;
        @Parameters(index = "0", paramLabel = "PERSON", description = "A person id (P-...), or ID / ORG:ID of any of its records.")
        String person;

        @Override
        public Integer call() {
            try (ChartLensContext ctx = ChartLensContext.forCommandLine(parent.root.dataDirectory(), "referrals")) {
                ctx.cache().referrals().remove(record(ctx, person), "cli:referrals");
                System.out.println(person + " is off the referral list");
                return 0;
            }
        }
    }
}
