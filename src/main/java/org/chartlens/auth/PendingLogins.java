package org.chartlens.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-ins waiting for their browser callback, keyed by {@code state}. A callback is matched
 * to exactly one pending login and consumes it: a missing, unknown or replayed state, or an RFC
 * 9207 {@code iss} naming another server, is refused before any token request is made.
 * Thread safe.
 */
public final class PendingLogins {
    private static final Logger LOG = LoggerFactory.getLogger(PendingLogins.class);
    private static final Duration MAX_AGE = Duration.ofMinutes(15);
    private final Map<String, PendingLogin> byState = new ConcurrentHashMap<>();

    public PendingLogin add(PendingLogin login) {
        byState.put(login.state(), login);
        return login;
    }

    public void discard(PendingLogin login) {
        byState.remove(login.state(), login);
    }

    /** The authorization code and the login it belongs to. */
    public record Accepted(PendingLogin login, String code) {
        @Override
        public String toString() {
            return "Accepted[" + login.organizationId() + "]";
        }
    }

    /**
     * Checks a callback's parameters and consumes its pending login.
     *
     * @throws AuthException for a missing/unknown/replayed state, a foreign {@code iss}, an OAuth
     *                       error from the server, or a missing code
     */
    public Accepted accept(Map<String, String> callback) throws AuthException {
        return accept(callback, null);
    }

    /** As {@link #accept(Map)}, naming the organization in a server error's message. */
    public Accepted accept(Map<String, String> callback, String organizationName) throws AuthException {
        String state = callback.get("state");
        if (state == null || state.isEmpty()) {
            throw refused("it carried no state");
        }
        PendingLogin login = byState.remove(state);
        if (login == null) {
            throw refused("its state does not belong to a sign-in in progress (it may be a replay)");
        }
        if (Duration.between(login.started(), Instant.now()).compareTo(MAX_AGE) > 0) {
            throw new AuthException("The sign-in took too long and expired. Please sign in again.", "expired_login", null);
        }
        if (fromAnotherIssuer(login, callback)) {
            throw refused(ANOTHER_ISSUER);
        }
        if (callback.containsKey("error")) {
            String code = TokenEndpoint.errorCode(callback.get("error"));
            throw new AuthException(OAuthErrors.plainWords(code, organizationName), code, null);
        }
        String code = callback.get("code");
        if (code == null || code.isEmpty()) {
            throw refused("it carried no authorization code");
        }
        return new Accepted(login, code);
    }

    private static final String ANOTHER_ISSUER =
            "it came from a different authorization server than the one the sign-in started with";

    /** RFC 9207: the callback names an issuer other than the server the login started with. */
    private static boolean fromAnotherIssuer(PendingLogin login, Map<String, String> callback) {
        String iss = callback.get("iss");
        String expectedIssuer = login.server().issuer();
        return iss != null && expectedIssuer != null && !sameIssuer(iss, expectedIssuer);
    }

    /**
     * Why a callback does not belong to {@code login} (no state, another state, another issuer),
     * else null. The same rules {@link #accept} applies, for the browser's answer page.
     */
    static String mismatch(PendingLogin login, Map<String, String> callback) {
        String state = callback.get("state");
        if (state == null || state.isEmpty()) {
            return "it carried no state";
        }
        if (!state.equals(login.state())) {
            return "its state does not belong to this sign-in";
        }
        return fromAnotherIssuer(login, callback) ? ANOTHER_ISSUER : null;
    }

    private static boolean sameIssuer(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static AuthException refused(String why) {
        LOG.warn("Refused a sign-in callback: {}", why);
        return new AuthException("ChartLens refused the sign-in response because " + why
                + ". Nothing was signed in; please try again.", "invalid_callback", null);
    }
}
