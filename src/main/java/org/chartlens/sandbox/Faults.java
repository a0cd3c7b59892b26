package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand, for the resilience tests of the client side. The same spec syntax as
 * {@code sandbox --fault} (documented in {@code sandbox --help} and docs/demo-ehr.md):
 * <pre>
 * rate-limit=N[:SECONDS|:http-date]   error=CODE:N   hang=N   drop=N   expire-tokens
 * foreign-next   loop-next   malformed-json=N   deep-json=DEPTH   huge-string=MB
 * huge-response=MB   script-narrative
 * </pre>
 * Faults hit FHIR data requests only (never metadata, discovery or the token endpoint). Those
 * with N hit the next N requests, then stop; the others stay on until {@link #clear()} (or give a
 * count after a colon, e.g. {@code foreign-next:1}). Thread safe.
 */
public final class Faults {
    /** How long {@code hang} holds a request: longer than any sane client timeout. */
    static final long HANG_MILLIS = 60_000;

    private enum Kind {
        RATE_LIMIT, ERROR, HANG, DROP, FOREIGN_NEXT, LOOP_NEXT, MALFORMED_JSON, DEEP_JSON,
        HUGE_STRING, HUGE_RESPONSE, SCRIPT_NARRATIVE
    }

    /** One active fault; {@code remaining} &lt; 0 means "until cleared". */
    private static final class Fault {
        final Kind kind;
        final int value;
        final String detail;
        final AtomicInteger remaining;

        Fault(Kind kind, int value, String detail, int count) {
            this.kind = kind;
            this.value = value;
            this.detail = detail;
            this.remaining = new AtomicInteger(count);
        }

        /** Takes one use; false when used up. */
        boolean take() {
            while (true) {
                int r = remaining.get();
                if (r < 0) {
                    return true;
                }
                if (r == 0) {
                    return false;
                }
                if (remaining.compareAndSet(r, r - 1)) {
                    return true;
                }
            }
        }
    }

    private final List<Fault> active = new CopyOnWriteArrayList<>();
    private volatile URI foreignOrigin;
    private volatile DemoEhrContext ctx;

    Faults() {
    }

    void bind(URI foreignOrigin, DemoEhrContext ctx) {
        this.foreignOrigin = foreignOrigin;
        this.ctx = ctx;
    }

    /**
     * Switches on the faults of a spec (several may be given, comma separated).
     *
     * @throws IllegalArgumentException for a spec this server does not know, with the reason
     */
    public void set(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Empty fault spec");
        }
        for (String one : spec.split(",")) {
            add(one.trim());
        }
    }

    /** Switches every fault off. */
    public void clear() {
        active.clear();
    }

    private void add(String spec) {
        int eq = spec.indexOf('=');
        String name = (eq < 0 ? spec : spec.substring(0, eq)).toLowerCase(Locale.ROOT);
        String arg = eq < 0 ? null : spec.substring(eq + 1);
        String count = null;
        if (eq < 0 && name.contains(":")) {
            count = name.substring(name.indexOf(':') + 1);
            name = name.substring(0, name.indexOf(':'));
        }
        try {
            switch (name) {
                case "rate-limit" -> {
                    String[] p = required(arg, spec).split(":", 2);
                    active.add(new Fault(Kind.RATE_LIMIT, 0, p.length > 1 ? p[1] : "1", Integer.parseInt(p[0])));
                }
                case "error" -> {
                    String[] p = required(arg, spec).split(":", 2);
                    int code = Integer.parseInt(p[0]);
                    if (code < 400 || code > 599) {
                        throw new IllegalArgumentException("error=CODE:N needs an HTTP error code (400-599): " + spec);
                    }
                    active.add(new Fault(Kind.ERROR, code, null, p.length > 1 ? Integer.parseInt(p[1]) : 1));
                }
                case "hang" -> active.add(new Fault(Kind.HANG, 0, null, Integer.parseInt(required(arg, spec))));
                case "drop" -> active.add(new Fault(Kind.DROP, 0, null, Integer.parseInt(required(arg, spec))));
                case "malformed-json" -> active.add(new Fault(Kind.MALFORMED_JSON, 0, null,
                        Integer.parseInt(required(arg, spec))));
                case "expire-tokens" -> {
                    DemoEhrContext c = ctx;
                    if (c != null) {
                        c.grants.expireAccessTokens();
                    }
                }
                case "foreign-next" -> active.add(new Fault(Kind.FOREIGN_NEXT, 0, null, counted(count)));
                case "loop-next" -> active.add(new Fault(Kind.LOOP_NEXT, 0, null, counted(count)));
                case "script-narrative" -> active.add(new Fault(Kind.SCRIPT_NARRATIVE, 0, null, counted(count)));
                case "deep-json", "huge-string", "huge-response" -> {
                    String[] p = required(arg, spec).split(":", 2);
                    int v = Integer.parseInt(p[0]);
                    if (v <= 0 || v > (name.equals("deep-json") ? 1_000_000 : 512)) {
                        throw new IllegalArgumentException("Value out of range in " + spec);
                    }
                    Kind k = name.equals("deep-json") ? Kind.DEEP_JSON
                            : name.equals("huge-string") ? Kind.HUGE_STRING : Kind.HUGE_RESPONSE;
                    active.add(new Fault(k, v, null, p.length > 1 ? Integer.parseInt(p[1]) : -1));
                }
                default -> throw new IllegalArgumentException("Unknown fault '" + name + "' (known: rate-limit, "
                        + "error, hang, drop, expire-tokens, foreign-next, loop-next, malformed-json, "
                        + "deep-json, huge-string, huge-response, script-narrative)");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number in fault spec " + spec, e);
        }
    }

    private static String required(String arg, String spec) {
        if (arg == null || arg.isBlank()) {
            throw new IllegalArgumentException("Fault " + spec + " needs a value (see sandbox --help)");
        }
        return arg;
    }

    private static int counted(String count) {
        return count == null ? -1 : Integer.parseInt(count);
    }

    private Fault take(Kind kind) {
        for (Fault f : active) {
            if (f.kind == kind && f.take()) {
                return f;
            }
        }
        return null;
    }

    /** Request-level faults; true when the fault answered (or swallowed) the request. */
    boolean before(HttpCall call) throws IOException {
        if (active.isEmpty()) {
            return false;
        }
        Fault f = take(Kind.RATE_LIMIT);
        if (f != null) {
            String retryAfter = f.detail;
            if ("http-date".equalsIgnoreCase(retryAfter)) {
                retryAfter = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
            }
            call.setHeader("Retry-After", retryAfter);
            call.send(429, FhirEndpoint.FHIR_JSON, outcome("throttled", "Too many requests; retry later."));
            return true;
        }
        f = take(Kind.ERROR);
        if (f != null) {
            if (f.value == 503) {
                call.setHeader("Retry-After", "1");
            }
            call.send(f.value, FhirEndpoint.FHIR_JSON, outcome("transient", "Simulated server error " + f.value + "."));
            return true;
        }
        f = take(Kind.HANG);
        if (f != null) {
            try {
                Thread.sleep(HANG_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            call.exchange.close();
            return true;
        }
        f = take(Kind.DROP);
        if (f != null) {
            call.dropMidBody = true;
        }
        return false;
    }

    private static byte[] outcome(String code, String text) {
        return ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
                + "\",\"details\":{\"text\":\"" + text + "\"}}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Body-level faults on a FHIR JSON response (read or search page). */
    byte[] shape(byte[] json) {
        if (active.isEmpty()) {
            return json;
        }
        byte[] out = json;
        Fault f = take(Kind.SCRIPT_NARRATIVE);
        if (f != null) {
            out = scriptNarrative(out);
        }
        f = take(Kind.DEEP_JSON);
        if (f != null) {
            StringBuilder b = new StringBuilder(f.value * 2 + 16).append("\"_deep\":");
            b.append("[".repeat(f.value)).append("]".repeat(f.value)).append(',');
            out = insertAfterBrace(out, b.toString());
        }
        f = take(Kind.HUGE_STRING);
        if (f != null) {
            out = insertAfterBrace(out, "\"_huge\":\"" + "x".repeat(f.value << 20) + "\",");
        }
        f = take(Kind.HUGE_RESPONSE);
        if (f != null) {
            byte[] padded = new byte[out.length + (f.value << 20)];
            System.arraycopy(out, 0, padded, 0, out.length);
            java.util.Arrays.fill(padded, out.length, padded.length, (byte) ' ');
            out = padded;
        }
        f = take(Kind.MALFORMED_JSON);
        if (f != null) {
            out = java.util.Arrays.copyOf(out, Math.max(1, out.length / 2));
        }
        return out;
    }

    private static byte[] insertAfterBrace(byte[] json, String text) {
        byte[] add = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[json.length + add.length];
        out[0] = json[0];
        System.arraycopy(add, 0, out, 1, add.length);
        System.arraycopy(json, 1, out, 1 + add.length, json.length - 1);
        return out;
    }

    private byte[] scriptNarrative(byte[] json) {
        DemoEhrContext c = ctx;
        try {
            JsonNode root = c.mapper.readTree(json);
            String div = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Narrative</p>"
                    + "<script>document.title='pwned'</script>"
                    + "<img src=\"" + foreignOrigin + "img.png\" onerror=\"document.title='pwned'\"/>"
                    + "<svg onload=\"document.title='pwned'\"></svg>"
                    + "<a href=\"javascript:document.title='pwned'\">details</a>"
                    + "<p style=\"background:url(" + foreignOrigin + "css.png)\">styled</p>"
                    + "<iframe src=\"" + foreignOrigin + "frame.html\"></iframe></div>";
            if ("Bundle".equals(root.path("resourceType").asText())) {
                for (JsonNode e : root.path("entry")) {
                    if (e.get("resource") instanceof ObjectNode r) {
                        r.putObject("text").put("status", "generated").put("div", div);
                    }
                }
            } else if (root instanceof ObjectNode r) {
                r.putObject("text").put("status", "generated").put("div", div);
            }
            return c.mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            return json;
        }
    }

    /** The next link to send: foreign-next / loop-next change it. */
    String nextLink(String next, String self) {
        if (active.isEmpty()) {
            return next;
        }
        if (take(Kind.LOOP_NEXT) != null) {
            return self;
        }
        if (take(Kind.FOREIGN_NEXT) != null) {
            URI n = URI.create(next);
            return foreignOrigin.resolve(n.getRawPath().substring(1) + (n.getRawQuery() == null ? "" : "?" + n.getRawQuery()))
                    .toString();
        }
        return next;
    }
}
