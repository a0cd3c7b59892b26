package org.chartlens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.FindPatients;
import org.chartlens.auth.Session;
import org.chartlens.connect.Organization;
import org.chartlens.domain.Identifier;
import org.chartlens.domain.PatientCandidate;
import org.chartlens.sync.PatientFinder;
import org.chartlens.sync.PatientQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens find ORG [--name N] [--family F] [--given G] [--birthdate D] [--gender S]
 * [--identifier SYS|VAL] [--json] [--choose N]}: the server's own Patient search (criteria it does
 * not support are named in words on stderr), one candidate a line (number, id, name, birth date,
 * sex, city, identifiers); {@code --choose N} syncs candidate N, which puts it on the worklist.
 */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = "Find a patient at a signed-in organization by name, birth date, sex or identifier "
                + "(the server's Patient search); --choose N pulls that chart onto the worklist.")
public final class FindCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "ORG", description = "Organization id (see 'chartlens org list').")
    String orgId;

    @Option(names = "--name", paramLabel = "N", description = "Any part of the name.")
    String name;

    @Option(names = "--family", paramLabel = "F", description = "Family name.")
    String family;

    @Option(names = "--given", paramLabel = "G", description = "Given name.")
    String given;

    @Option(names = "--birthdate", paramLabel = "D", description = "Birth date, YYYY-MM-DD.")
    String birthDate;

    @Option(names = "--gender", paramLabel = "G", description = "female, male, other or unknown.")
    String gender;

    @Option(names = "--identifier", paramLabel = "SYS|VAL", description = "An identifier (MRN): SYSTEM|VALUE or VALUE.")
    String identifier;

    @Option(names = "--json", description = "Print a JSON object instead of lines.")
    boolean json;

    @Option(names = "--choose", paramLabel = "N", description = "Sync candidate N (1 = first) and put it on the worklist.")
    Integer choose;

    @Override
    public Integer call() throws Exception {
        PatientQuery query = new PatientQuery(name, family, given, birthDate, gender, identifier);
        PrintStream err = System.err;
        if (query.isEmpty()) {
            err.println("chartlens: give at least one of --name, --family, --given, --birthdate, --gender, --identifier");
            return 2;
        }
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "find")) {
            Organization org = ctx.organization(orgId);
            Optional<Session> session = ctx.auth().session(org);
            if (session.isEmpty()) {
                err.println("chartlens: not signed in to " + org.name() + "; run 'chartlens login " + org.id() + "' first");
                return 1;
            }
            FindPatients.Result result;
            try {
                result = FindPatients.search(ctx, org, query, null);
            } catch (IllegalArgumentException e) {
                err.println("chartlens: " + e.getMessage());
                return 1;
            }
            PatientFinder.Found found = result.found();
            List<PatientCandidate> candidates = result.candidates();
            found.unsupported().forEach(u -> err.println("  note: " + u));
            print(candidates, found, org.id());
            if (choose == null) {
                return 0;
            }
            if (choose < 1 || choose > candidates.size()) {
                err.println("chartlens: --choose " + choose + ": there " + (candidates.size() == 1 ? "is 1 candidate"
                        : "are " + candidates.size() + " candidates"));
                return 1;
            }
            String id = candidates.get(choose - 1).ref().id();
            return SyncCommand.run(ctx, org, FindPatients.chosen(session.get(), id));
        }
    }

    private void print(List<PatientCandidate> candidates, PatientFinder.Found found, String org) throws Exception {
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            root.put("org", org);
            root.put("more", found.more());
            ArrayNode notes = root.putArray("unsupported");
            found.unsupported().forEach(notes::add);
            ArrayNode arr = root.putArray("candidates");
            for (PatientCandidate c : candidates) {
                ObjectNode o = arr.addObject();
                o.put("patientId", c.ref().id());
                o.put("name", c.name());
                o.put("birthDate", c.birthDate());
                o.put("sex", c.sex());
                o.put("city", c.city());
                ArrayNode ids = o.putArray("identifiers");
                for (Identifier i : c.identifiers()) {
                    ids.addObject().put("label", i.label()).put("value", i.value());
                }
            }
            System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        if (candidates.isEmpty()) {
            System.err.println("chartlens: no patient at " + org + " matches");
            return;
        }
        int n = 1;
        for (PatientCandidate c : candidates) {
            String ids = c.identifiers().stream().map(i -> i.label() + " " + i.value()).collect(Collectors.joining("; "));
            System.out.println(n++ + "\t" + c.ref().id() + "\t" + c.name() + "\t" + c.birthDate() + "\t" + c.sex()
                    + "\t" + c.city() + "\t" + ids);
        }
        if (found.more()) {
            System.err.println("chartlens: more patients match than the " + candidates.size()
                    + " shown; narrow the search (birth date, identifier)");
        }
        if (choose == null) {
            System.err.println("To pull a chart onto the worklist: add --choose N, or 'chartlens sync " + org
                    + " --patient ID'");
        }
    }
}
