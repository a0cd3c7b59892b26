/**
 * The ports the views need from the rest of ChartLens, one small interface per concern
 * (organizations, sign-in, sync, the demo, settings, locking, the cache, the OS viewer, the audit log), and the
 * records they exchange. The composition root ({@code app}) implements them; view models take
 * only the ports they use. Nothing here touches JavaFX, sync, fhir or auth.
 */
package org.chartlens.ui.port;
