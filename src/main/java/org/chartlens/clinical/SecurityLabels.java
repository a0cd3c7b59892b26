package org.chartlens.clinical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chartlens.domain.LiteralReference;
import org.chartlens.domain.RawResource;
import org.chartlens.domain.Sensitivity;

/**
 * Reads a resource's security labels ({@code meta.security}: v3 Confidentiality, v3 ActCode
 * sensitivity and handling codes, v3 ActUSPrivacyLaw) and the literal references it makes, in one
 * streaming pass (decision 0701). ChartLens's own inference from codes (off by default) is in
 * {@link #inferred}. Pure, stateless, thread safe.
 */
public final class SecurityLabels {
    private static final JsonFactory JSON = new JsonFactory();
    /** ActCode sensitivity codes ({@code _InformationSensitivityPolicy}) ChartLens knows. */
    static final Set<String> SENSITIVITY = Set.of("ETH", "SUD", "OPIOIDUD", "PSY", "PSYTHPN", "BH", "MH", "HIV",
            "SDV", "SEX", "STD", "GDIS", "REPRO", "SCA", "SICKLE", "TBOO", "DRGIS", "ADOL", "DEMO", "DOV", "COCA",
            "CPLYCD", "SPI");
    /**
     * RxNorm codes treated as substance-use treatment when inference is on: those of the CDC Opioid
     * Prescribing Support IG value set "Buprenorphine and Methadone medications" that ChartLens ships
     * (decision 0701; the set has 85 concepts, see there).
     */
    static final Set<String> SUD_RXNORM = Set.of("1010603");

    private SecurityLabels() {
    }

    /** What one pass over a resource found: its own labels (or null) and its literal references. */
    record Scan(Sensitivity labels, List<LiteralReference> references) {
    }

    /** True when the JSON may carry labels (a cheap test before any parsing). */
    static boolean mayBeLabelled(String json) {
        return json != null && json.contains("\"security\"");
    }

    /** Reads {@code meta.security} and every {@code reference}; unreadable JSON gives no labels, no references. */
    static Scan scan(String json) {
        String conf = null;
        Set<String> sens = new HashSet<>();
        Set<String> handling = new HashSet<>();
        List<LiteralReference> refs = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Scan(null, List.of());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("meta".equals(name) && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String m = p.currentName();
                        JsonToken mt = p.nextToken();
                        if ("security".equals(m) && mt == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                String[] sc = coding(p);
                                String system = sc[0] == null ? "" : sc[0];
                                String code = sc[1];
                                if (code == null) {
                                    continue;
                                }
                                if (system.endsWith("Confidentiality") || system.endsWith("2.16.840.1.113883.5.25")) {
                                    conf = Sensitivity.stricter(conf, code);
                                } else if (SENSITIVITY.contains(code)) {
                                    sens.add(code);
                                } else {
                                    handling.add(code);
                                }
                            }
                        } else {
                            references(p, mt, refs);
                        }
                    }
                } else {
                    references(p, t, refs);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Scan(null, List.of());
        }
        Sensitivity labels = conf == null && sens.isEmpty() && handling.isEmpty() ? null
                : new Sensitivity(conf, sens, handling, Sensitivity.Origin.LABELLED);
        return new Scan(labels, refs);
    }

    /** A Coding's system and code (the parser is on its START_OBJECT; leaves it on its END_OBJECT). */
    private static String[] coding(JsonParser p) throws IOException {
        String[] out = new String[2];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING && "system".equals(n)) {
                out[0] = p.getText();
            } else if (v == JsonToken.VALUE_STRING && "code".equals(n)) {
                out[1] = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** Collects the literal references inside the current value (the parser is on its first token). */
    private static void references(JsonParser p, JsonToken t, List<LiteralReference> out) throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken n = p.nextToken();
            if (n == null) {
                return;
            }
            if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
                depth++;
            } else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
                depth--;
            } else if (n == JsonToken.VALUE_STRING && "reference".equals(p.currentName())) {
                LiteralReference r = LiteralReference.parse(p.getText());
                if (r != null) {
                    out.add(r);
                }
            }
        }
    }

    /**
     * ChartLens's inference (setting {@code inferSensitive}, off by default): a resource whose first
     * code is an ICD-10(-CM) diagnosis in F10-F19 ("mental and behavioural disorders due to
     * psychoactive substance use") or an RxNorm code of {@link #SUD_RXNORM} is treated as
     * substance-use treatment. Returns null when nothing matches.
     */
    static Sensitivity inferred(RawResource r) {
        String code = r.code();
        if (code == null) {
            return null;
        }
        int bar = code.indexOf('|');
        String system = bar < 0 ? "" : code.substring(0, bar);
        String value = code.substring(bar + 1).toUpperCase(java.util.Locale.ROOT);
        boolean sud = false;
        if (system.contains("icd-10") && value.length() >= 3 && value.charAt(0) == 'F') {
            String block = value.substring(1, 3);
            sud = block.compareTo("10") >= 0 && block.compareTo("19") <= 0 && Character.isDigit(block.charAt(1));
        } else if (system.endsWith("/rxnorm")) {
            sud = SUD_RXNORM.contains(value);
        }
        return sud ? new Sensitivity(null, Set.of("SUD"), Set.of(), Sensitivity.Origin.INFERRED) : null;
    }
}
