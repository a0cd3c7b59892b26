package org.chartlens.sync;

import java.time.Duration;
import java.util.Map;

/**
 * A coarse, immutable snapshot of a running sync, published after each committed batch
 * (throttled) and once at the end.
 *
 * @param org            organization id
 * @param patientsDone   patients completely synced so far
 * @param patientsTotal  patients planned (0 while still listing them)
 * @param storedByType   resources committed to the cache so far, per type
 * @param stored         sum of storedByType
 * @param bytes          response bytes read so far
 * @param elapsed        since the start
 * @param finished       true for the last snapshot
 */
public record SyncProgress(String org, int patientsDone, int patientsTotal, Map<String, Integer> storedByType,
                           long stored, long bytes, Duration elapsed, boolean finished) {
}
