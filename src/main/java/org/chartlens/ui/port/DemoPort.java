package org.chartlens.ui.port;

import org.chartlens.domain.PatientRef;
/** The demo organization. Thread safe. */
public interface DemoPort {
    /**
     * Opens the demo organization end to end: makes it one of the user's organizations (see
     * {@link OrganizationsPort#organizations()}), starts the embedded demo EHR if needed, signs in
     * (no browser needed), syncs the first demo patient and returns it, the others following in
     * the background. Blocking.
     *
     * @throws Exception with a plain-words message on failure
     */
    PatientRef openDemo(SyncPort.Listener listener) throws Exception;
}
