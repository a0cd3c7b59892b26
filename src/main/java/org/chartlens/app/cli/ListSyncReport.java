package org.chartlens.app.cli;

import java.io.PrintStream;
import org.chartlens.app.ListSync;

/**
 * What {@code chartlens sync --list DAY} prints: one line per person due (person id and record ids,
 * never names: a scheduled task's output ends up in system logs), "ok" or what could not be
 * pulled, and what the sign-ins leave out; exit 0 when everything came, 1 otherwise.
 */
final class ListSyncReport {
    private ListSyncReport() {
    }

    static int print(ListSync.Outcome o, PrintStream out, PrintStream err) {
        if (o.persons().isEmpty()) {
            out.println("Nobody on the referral list is due " + o.day() + ".");
            return 0;
        }
        int failed = 0;
        for (ListSync.PersonOutcome p : o.persons()) {
            StringBuilder line = new StringBuilder(p.personId()).append('\t');
            p.records().forEach(r -> line.append(r.qualified()).append(' '));
            line.append('\t').append(p.ok() ? "ok" : "NOT PULLED: " + String.join("; ", p.failures()));
            if (!p.notes().isEmpty()) {
                line.append("\tnote: ").append(String.join("; ", p.notes()));
            }
            out.println(line);
            failed += p.ok() ? 0 : 1;
        }
        out.println(o.day() + ": " + (o.persons().size() - failed) + " of " + o.persons().size()
                + " persons due pulled completely");
        if (failed > 0) {
            err.println("chartlens: " + failed + " person(s) due " + o.day() + " could not be pulled completely");
            return 1;
        }
        return 0;
    }
}
