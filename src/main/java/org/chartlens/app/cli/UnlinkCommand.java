package org.chartlens.app.cli;

import java.util.concurrent.Callable;
import org.chartlens.app.ChartLensContext;
import org.chartlens.app.Persons;
import org.chartlens.domain.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chartlens unlink ORG:ID}: takes one record out of its person; it is a person of its own
 * again and the others stay linked. Audited. The records themselves never changed.
 */
@Command(name = "unlink", mixinStandardHelpOptions = true,
        description = "Take a record out of the person it was linked to (the others stay linked).")
public final class UnlinkCommand implements Callable<Integer> {
    @ParentCommand
    ChartLensCommand root;

    @Parameters(index = "0", paramLabel = "ORG:ID", description = "The record (ORG:ID, or ID when unique).")
    String record;

    @Override
    public Integer call() throws Exception {
        try (ChartLensContext ctx = ChartLensContext.forCommandLine(root.dataDirectory(), "unlink")) {
            Persons persons = Persons.of(ctx);
            Person left = persons.unlink(record, null);
            Person alone = persons.resolve(record);
            System.out.println("Unlinked: " + record + " is " + alone.id() + " on its own again; "
                    + (left.linked() ? left.id() + " keeps " + LinkCommand.describe(persons, left.records())
                    : LinkCommand.describe(persons, left.records()) + " is " + left.id() + " on its own"));
            return 0;
        }
    }
}
