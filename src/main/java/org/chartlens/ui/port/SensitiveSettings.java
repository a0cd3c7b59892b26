package org.chartlens.ui.port;

/**
 * How restricted records are handled (issue 18, decision 0701), set in Settings ("Restricted
 * records") and kept in {@code settings.json}:
 * <pre>{ "breakGlassMinutes": 30, "inferSensitive": false }</pre>
 * Immutable.
 *
 * @param breakGlassMinutes how long a broken glass lasts (0 = until the chart is closed or the app
 *                          locks; default 0)
 * @param inferSensitive    also hide what ChartLens infers is substance-use treatment from codes
 *                          (ICD-10 F10-F19, buprenorphine/methadone), off by default
 */
public record SensitiveSettings(int breakGlassMinutes, boolean inferSensitive) {
    public static final SensitiveSettings DEFAULTS = new SensitiveSettings(0, false);

    public SensitiveSettings {
        breakGlassMinutes = Math.max(0, breakGlassMinutes);
    }
}
