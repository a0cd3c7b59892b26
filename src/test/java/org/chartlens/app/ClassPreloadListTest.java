package org.chartlens.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.chartlens.app.cli.Launcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up class lists the launcher preloads must still name real classes: a list gone
 * stale after a refactoring silently loses the start-up gain. Regenerate it from
 * {@code -Xlog:class+load} of the start-up (docs/startup.md) when this fails.
 */
class ClassPreloadListTest {

    @ParameterizedTest
    @ValueSource(strings = {"preload-desktop.txt", "preload-sandbox.txt"})
    void listNamesClassesThatStillExist(String list) throws IOException {
        List<String> names;
        try (InputStream in = Launcher.class.getResourceAsStream(list)) {
            assertNotNull(in, list + " is missing from the class path");
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        assertTrue(names.size() > 500, list + " looks truncated: " + names.size() + " classes");
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, Launcher.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        assertTrue(missing.size() * 20 < names.size(),
                list + ": " + missing.size() + " of " + names.size() + " classes no longer exist, e.g. "
                        + missing.subList(0, Math.min(10, missing.size())));
    }
}
