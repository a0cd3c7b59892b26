package org.chartlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.chartlens.fhir.FhirHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waits a user may set in {@code settings.json} (no screen for them yet), as stored: each null
 * when absent or not a positive whole number, then the default applies.
 *
 * <pre>{ "requestDeadlineSeconds": 300, "syncDeadlineMinutes": 60 }</pre>
 *
 * @param requestDeadlineSeconds one FHIR request, headers, body and retries together
 *                               (default {@link FhirHttp.Options#DEFAULT_REQUEST_DEADLINE})
 * @param syncDeadlineMinutes    one sync of one organization
 *                               (default {@link FhirHttp.Options#DEFAULT_SYNC_DEADLINE})
 */
public record NetworkSettings(Integer requestDeadlineSeconds, Integer syncDeadlineMinutes) {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkSettings.class);
    static final String FILE = "settings.json";

    /** What {@code dataDir/settings.json} says; both null when there is no such file or it is unreadable. */
    public static NetworkSettings read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new NetworkSettings(null, null);
        }
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            return new NetworkSettings(positive(n.path("requestDeadlineSeconds")), positive(n.path("syncDeadlineMinutes")));
        } catch (IOException e) {
            LOG.warn("settings.json could not be read; default network deadlines used");
            return new NetworkSettings(null, null);
        }
    }

    private static Integer positive(JsonNode n) {
        return n.isInt() && n.asInt() > 0 ? n.asInt() : null;
    }

    /** {@code base} with these deadlines, defaults where unset. */
    public FhirHttp.Options applyTo(FhirHttp.Options base) {
        return base.withDeadlines(
                requestDeadlineSeconds == null ? FhirHttp.Options.DEFAULT_REQUEST_DEADLINE
                        : Duration.ofSeconds(requestDeadlineSeconds),
                syncDeadlineMinutes == null ? FhirHttp.Options.DEFAULT_SYNC_DEADLINE
                        : Duration.ofMinutes(syncDeadlineMinutes));
    }
}
