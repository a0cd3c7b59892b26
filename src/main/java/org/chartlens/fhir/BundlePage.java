package org.chartlens.fhir;

import java.util.List;

/**
 * One page of a search or operation result as read from the wire.
 *
 * @param resources  resources in entry order (OperationOutcome entries excluded)
 * @param next       the Bundle's {@code next} link as given, or null
 * @param total      Bundle.total, or -1
 * @param outcomes   plain text of OperationOutcome entries (warnings from the server)
 * @param problems   what could not be read (plain words, no PHI), one line each
 * @param bytes      size of the page body
 * @param lastUpdated the Bundle's own meta.lastUpdated (when the server ran the search), or null
 */
public record BundlePage(List<ReceivedResource> resources, String next, int total,
                         List<String> outcomes, List<String> problems, long bytes, String lastUpdated) {
}
