package org.chartlens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The login + consent page of the authorize endpoint (when not auto-approving): pick a demo user
 * (the clinician or a patient), enter the demo password, choose the patient, uncheck scopes,
 * Allow or Deny. A plain HTML form POSTed back to {@code /authorize}; works in any browser.
 * Thread safe (stateless apart from a cache of patient labels).
 */
final class ConsentPage {
    private static final Set<String> FORM_FIELDS = Set.of("action", "username", "password", "grant_scope", "patient");
    private final AuthorizationServer server;
    private volatile Map<String, String> patientLabels;

    ConsentPage(AuthorizationServer server) {
        this.server = server;
    }

    void handle(HttpCall call, AuthorizationServer.AuthorizeRequest req, Map<String, List<String>> params)
            throws IOException {
        String action = first(params, "action");
        if (!"POST".equals(call.method) || action == null) {
            render(call, req, params, null);
            return;
        }
        if ("deny".equals(action)) {
            call.redirect(server.errorRedirect(req.redirectUri(), "access_denied",
                    "The user denied the request.", req.state()));
            return;
        }
        String username = first(params, "username");
        String password = first(params, "password");
        boolean known = AuthorizationServer.CLINICIAN.equals(username)
                || (username != null && server.ctx.data.patientIds().contains(username));
        if (!known || password == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                AuthorizationServer.DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            render(call, req, params, "Wrong user name or password.");
            return;
        }
        List<String> granted = new ArrayList<>();
        for (String s : params.getOrDefault("grant_scope", List.of())) {
            if (req.requested().has(s)) {
                granted.add(s);
            }
        }
        if (granted.isEmpty()) {
            render(call, req, params, "Allow at least one permission, or choose Deny.");
            return;
        }
        String patient = first(params, "patient");
        if (!AuthorizationServer.CLINICIAN.equals(username)) {
            patient = username;
        } else if (patient == null || !server.ctx.data.patientIds().contains(patient)) {
            patient = server.ctx.data.patientIds().isEmpty() ? null : server.ctx.data.patientIds().get(0);
        }
        server.approve(call, req, username, patient, new Scopes(granted));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private void render(HttpCall call, AuthorizationServer.AuthorizeRequest req, Map<String, List<String>> params,
                        String error) throws IOException {
        Map<String, String> labels = patientLabels();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Sign in: ChartLens demo EHR</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}")
                .append("label{display:block;margin:.3rem 0}.error{color:#a00;font-weight:bold}")
                .append("button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.5rem}")
                .append("</style></head><body>");
        h.append("<h1>ChartLens demo EHR</h1><p><b>").append(escape(req.client().name()))
                .append("</b> asks to access health records (profile: ").append(escape(server.ctx.profile.id()))
                .append("). Synthetic demo data only.</p>");
        if (error != null) {
            h.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        h.append("<form method=\"post\" action=\"").append(escape(server.issuer() + "/authorize")).append("\">");
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (FORM_FIELDS.contains(e.getKey()) || e.getValue().isEmpty()) {
                continue;
            }
            h.append("<input type=\"hidden\" name=\"").append(escape(e.getKey())).append("\" value=\"")
                    .append(escape(e.getValue().get(0))).append("\">");
        }
        String chosenUser = first(params, "username");
        h.append("<fieldset><legend>Sign in</legend><label for=\"username\">User</label>")
                .append("<select id=\"username\" name=\"username\">");
        option(h, AuthorizationServer.CLINICIAN, "Clinician (" + server.ctx.clinicianReference() + ")",
                chosenUser == null || AuthorizationServer.CLINICIAN.equals(chosenUser));
        labels.forEach((id, label) -> option(h, id, "Patient: " + label, id.equals(chosenUser)));
        h.append("</select><label for=\"password\">Password (demo: <code>demo-password</code>)</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">")
                .append("</fieldset>");
        h.append("<fieldset><legend>Patient (when signing in as the clinician)</legend>")
                .append("<select id=\"patient\" name=\"patient\">");
        String chosenPatient = first(params, "patient");
        boolean firstOne = chosenPatient == null;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            option(h, e.getKey(), e.getValue(), firstOne || e.getKey().equals(chosenPatient));
            firstOne = false;
        }
        h.append("</select></fieldset>");
        h.append("<fieldset><legend>Permissions (uncheck what you do not want to share)</legend>");
        Set<String> checked = params.containsKey("grant_scope") ? new LinkedHashSet<>(params.get("grant_scope"))
                : req.requested().granted;
        int i = 0;
        for (String s : req.requested().granted) {
            String id = "scope" + i++;
            h.append("<label for=\"").append(id).append("\"><input type=\"checkbox\" id=\"").append(id)
                    .append("\" name=\"grant_scope\" value=\"").append(escape(s)).append('"')
                    .append(checked.contains(s) ? " checked" : "").append("> <code>").append(escape(s))
                    .append("</code></label>");
        }
        h.append("</fieldset><button type=\"submit\" name=\"action\" value=\"approve\">Allow</button>")
                .append("<button type=\"submit\" name=\"action\" value=\"deny\">Deny</button></form></body></html>");
        call.setHeader("X-Frame-Options", "DENY");
        // form-action also governs the redirect that follows the POST (Chrome): allow the loopback apps
        call.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "form-action 'self' http://127.0.0.1:* http://localhost:*");
        call.send(200, "text/html;charset=utf-8", h.toString());
    }

    private static void option(StringBuilder h, String value, String label, boolean selected) {
        h.append("<option value=\"").append(escape(value)).append('"').append(selected ? " selected" : "")
                .append('>').append(escape(label)).append("</option>");
    }

    /** "Given Family (born 1966-06-06)" per patient id, in load order. */
    private Map<String, String> patientLabels() {
        Map<String, String> labels = patientLabels;
        if (labels == null) {
            labels = new LinkedHashMap<>();
            for (String id : server.ctx.data.patientIds()) {
                StoredEntry e = server.ctx.data.get("Patient", id);
                String label = id;
                try {
                    JsonNode p = server.ctx.mapper.readTree(e.json());
                    JsonNode name = p.path("name").path(0);
                    label = (name.path("given").path(0).asText("") + " " + name.path("family").asText("")).trim()
                            + " (born " + p.path("birthDate").asText("?") + ")";
                } catch (IOException | RuntimeException ex) {
                    // keep the id as the label
                }
                labels.put(id, label);
            }
            patientLabels = labels;
        }
        return labels;
    }

    static String errorPage(String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in problem</title></head>"
                + "<body><h1>Sign-in problem</h1><p>" + escape(message) + "</p>"
                + "<p>Return to the application and try again.</p></body></html>";
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
