package org.chartlens.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A three-bundle data folder (the smallest demo patient + organizations + practitioners) for fast starts. */
final class SmallData {
    static final String PATIENT_BUNDLE = "Jen355_Hauck852_23062530-6dfa-1e22-2218-9fdd0df18121.json.gz";
    static final String PATIENT_ID = "23062530-6dfa-1e22-2218-9fdd0df18121";

    private SmallData() {
    }

    static void copyInto(Path dir) throws IOException {
        for (String name : new String[] {"hospitalInformation1795328548371.json.gz",
                "practitionerInformation1795328548371.json.gz", PATIENT_BUNDLE}) {
            try (InputStream in = SmallData.class.getResourceAsStream("/demo-data/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }
}
