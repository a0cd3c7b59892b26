package org.chartlens.ui.port;

import org.chartlens.domain.PatientRef;
/** The demo organization. Thread safe. */
public interface DemoPort {
    /**
     * Opens the demo organization end to end: starts the embedded demo EHR if needed, signs in
     * (no browser needed), syncs, and returns the first demo patient. Blocking.
     *
     * @throws Exception with a plain-words message on failure
     */
    PatientRef openDemo(SyncPort.Listener listener) throws Exception;
}
