package org.chartlens.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a sync ended.
 *
 * @param org           organization id
 * @param patients      patient ids covered
 * @param completed     patients whose every planned pull succeeded
 * @param storedByType  resources committed in this run, per type (same numbers as the last
 *                      {@link SyncProgress})
 * @param failed        type (or "Patient/ID" / "$everything") -> plain reason, for pulls that failed
 * @param unavailable   type -> "unsupported" or "not-granted"
 * @param problems      lenient-parsing reports, one line per kind
 * @param cancelled     true when cancelled before the end
 * @param elapsed       wall time
 */
public record SyncResult(String org, List<String> patients, List<String> completed,
                         Map<String, Integer> storedByType, Map<String, String> failed,
                         Map<String, String> unavailable, List<String> problems, boolean cancelled,
                         Duration elapsed) {

    /** True when nothing failed and the sync was not cancelled. */
    public boolean ok() {
        return failed.isEmpty() && !cancelled;
    }

    /** One line for a person: why it did not complete, or "complete". */
    public String summary() {
        if (cancelled) {
            return "Sync cancelled; what was already received is kept.";
        }
        if (failed.isEmpty()) {
            return "complete";
        }
        Map.Entry<String, String> first = failed.entrySet().iterator().next();
        return failed.size() + " pull(s) failed; first: " + first.getKey() + ": " + first.getValue();
    }
}
