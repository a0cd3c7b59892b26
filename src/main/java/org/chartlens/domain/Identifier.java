package org.chartlens.domain;

/**
 * A patient identifier as the banner shows it.
 *
 * @param label what kind ("MRN", "SSN", or the system URI)
 * @param value the identifier value
 * @param org   the organization that gave it
 */
public record Identifier(String label, String value, String org) {
}
