package org.chartlens.ui.port;

/**
 * What ChartLens found at a FHIR base URL when an organization is added: whether it is a FHIR
 * server it can use, and its sign-in endpoints. Immutable.
 *
 * @param usable        a FHIR server answered there (adding is allowed)
 * @param summary       what was found, or why it cannot be added, in plain words
 * @param suggestedName a name the server gives itself (CapabilityStatement title, name or
 *                      publisher), or null
 * @param signInFound   SMART sign-in endpoints were discovered
 */
public record ServerCheck(boolean usable, String summary, String suggestedName, boolean signInFound) {
    /** Nothing usable there, with the reason. */
    public static ServerCheck refused(String why) {
        return new ServerCheck(false, why, null, false);
    }
}
