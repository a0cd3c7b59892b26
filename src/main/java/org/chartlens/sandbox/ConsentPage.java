package org.chartlens.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The login + consent page of the authorize endpoint. Thread safe (stateless). */
final class ConsentPage {
    private final AuthorizationServer server;

    ConsentPage(AuthorizationServer server) {
        this.server = server;
    }

    void handle(HttpCall call, AuthorizationServer.AuthorizeRequest req, Map<String, List<String>> params)
            throws IOException {
        call.send(501, "text/html;charset=utf-8", errorPage("The login page is not available yet; start with --auto-approve."));
    }

    static String errorPage(String message) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign-in problem</title></head>"
                + "<body><h1>Sign-in problem</h1><p>" + escape(message) + "</p></body></html>";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
