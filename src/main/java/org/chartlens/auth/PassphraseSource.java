package org.chartlens.auth;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;

/**
 * Supplies the passphrase that wraps the secrets file when no OS secret store exists: the
 * environment variable {@code CHARTLENS_PASSPHRASE} (scripts, CI), else a console prompt, else a
 * clear error. The desktop app supplies its own (a dialog).
 */
@FunctionalInterface
public interface PassphraseSource {
    String ENV = "CHARTLENS_PASSPHRASE";

    /** @param creating true when the secrets file is new (the user chooses the passphrase now) */
    char[] passphrase(boolean creating);

    static PassphraseSource fromEnvironmentOrConsole(Map<String, String> env) {
        return creating -> {
            String v = env.get(ENV);
            if (v != null && !v.isEmpty()) {
                return v.toCharArray();
            }
            Console c = System.console();
            if (c == null) {
                throw new SecretStoreException("ChartLens keeps its secrets in a passphrase-protected file here "
                        + "(no OS secret store was found). Set " + ENV + " or run the command in a terminal "
                        + "to type the passphrase.", null);
            }
            if (!creating) {
                return c.readPassword("ChartLens passphrase: ");
            }
            char[] a = c.readPassword("Choose a passphrase to protect ChartLens's secrets on this computer: ");
            char[] b = c.readPassword("Type it again: ");
            if (a == null || a.length == 0 || !Arrays.equals(a, b)) {
                throw new SecretStoreException("The two passphrases differ or are empty; nothing was saved.", null);
            }
            Arrays.fill(b, '\0');
            return a;
        };
    }

    static PassphraseSource fixed(char[] passphrase) {
        return creating -> passphrase.clone();
    }
}
