package org.chartlens.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names and their nicknames, from the open-source nickname-and-diminutive-names-lookup list
 * (Old Dominion University; {@code /identity/nicknames.csv}, source and licence in its header and
 * in decision 0600). Two names are related when one line lists both (Bill and William; Rena and
 * Irene), in either direction; relations are not chained. Immutable once loaded.
 */
public final class Nicknames {
    private static final String RESOURCE = "/identity/nicknames.csv";
    private static volatile Nicknames shipped;

    private final Map<String, Set<String>> related;
    /** name -> the nicknames its own line lists. */
    private final Map<String, Set<String>> nicknamesOf;

    private Nicknames(Map<String, Set<String>> related, Map<String, Set<String>> nicknamesOf) {
        this.related = related;
        this.nicknamesOf = nicknamesOf;
    }

    /** The shipped list (read once). */
    public static Nicknames shipped() {
        Nicknames n = shipped;
        if (n == null) {
            try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The nickname list is missing from the class path (" + RESOURCE + ")");
                }
                n = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = n;
        }
        return n;
    }

    /** Reads lines {@code NAME,NICK,NICK,...}; lines starting with # are comments. */
    static Nicknames parse(InputStream in) throws IOException {
        Map<String, Set<String>> map = new HashMap<>();
        Map<String, Set<String>> own = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            String name = Normalizer.name(cells[0]);
            for (int i = 1; i < cells.length; i++) {
                String nick = Normalizer.name(cells[i]);
                if (!nick.isEmpty() && !nick.equals(name) && !name.isEmpty()) {
                    map.computeIfAbsent(name, k -> new HashSet<>()).add(nick);
                    map.computeIfAbsent(nick, k -> new HashSet<>()).add(name);
                    own.computeIfAbsent(name, k -> new HashSet<>()).add(nick);
                }
            }
        }
        map.replaceAll((k, v) -> Set.copyOf(v));
        own.replaceAll((k, v) -> Set.copyOf(v));
        return new Nicknames(Map.copyOf(map), Map.copyOf(own));
    }

    /** Whether two normalised given names are nickname and name (or the same name). */
    public boolean related(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || related.getOrDefault(a, Set.of()).contains(b);
    }

    /** Whether {@code name}'s line in the list names {@code nick} as one of its nicknames. */
    public boolean isNicknameOf(String nick, String name) {
        return nicknamesOf.getOrDefault(name, Set.of()).contains(nick);
    }

    /** The names related to a normalised given name (not including itself). */
    public Set<String> relatedTo(String name) {
        return related.getOrDefault(name, Set.of());
    }

    int size() {
        return related.size();
    }
}
