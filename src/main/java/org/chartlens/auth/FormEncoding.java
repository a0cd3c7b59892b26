package org.chartlens.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * application/x-www-form-urlencoded (UTF-8, space as {@code +}) for HTTP Basic client credentials
 * (RFC 6749 2.3.1), and the parsing of the browser's callback query. Requests themselves are
 * encoded by ScribeJava. Stateless.
 */
final class FormEncoding {
    private FormEncoding() {
    }

    /** One value form-url-encoded: space as {@code +}, every reserved or non-ASCII byte as %XX. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Parses a raw (still encoded) query; the first value of a repeated name wins. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
