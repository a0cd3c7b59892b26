package org.chartlens.ui.documents;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A WebView locked down for content we do not trust: JavaScript off, no pop-ups, no
 * navigation after the first load, user data in the per-session temp folder. Content must be
 * sanitised first ({@link HtmlSanitizer}); this is the second wall. FX thread.
 */
public final class DocumentViewer {
    /** Content types shown inside ChartLens. */
    public static final Set<String> SHOWN_INSIDE = Set.of("text/plain", "text/html",
            "application/xhtml+xml", "text/xml", "application/xml", "application/hl7-v3+xml");
    /** Content types that may be opened with the system viewer, after confirmation. */
    public static final Set<String> OPEN_OUTSIDE = Set.of("application/pdf", "image/png",
            "image/jpeg", "image/gif", "text/rtf", "application/rtf");

    private DocumentViewer() {
    }

    public static WebView create() {
        WebView v = new WebView();
        WebEngine e = v.getEngine();
        harden(e);
        v.setContextMenuEnabled(false);
        return v;
    }

    static void harden(WebEngine e) {
        e.setJavaScriptEnabled(false);
        e.setUserDataDirectory(WebViewSession.get().folder().toFile());
        e.setCreatePopupHandler(features -> null);
        e.setConfirmHandler(msg -> false);
        e.setPromptHandler(p -> null);
        // Any load other than our own loadContent (about:blank) is stopped at once.
        e.locationProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty() && !now.equals("about:blank")) {
                e.getLoadWorker().cancel();
            }
        });
        e.getLoadWorker().stateProperty().addListener((o, a, b) -> {
            if (b == Worker.State.SCHEDULED && e.getLocation() != null
                    && !e.getLocation().isEmpty() && !e.getLocation().equals("about:blank")) {
                e.getLoadWorker().cancel();
            }
        });
    }

    /** Shows sanitised HTML. */
    public static void showHtml(WebView v, String untrustedHtml, boolean dark) {
        v.getEngine().loadContent(HtmlSanitizer.page(HtmlSanitizer.sanitize(untrustedHtml), dark), "text/html");
    }

    public static void showCcda(WebView v, String xml, boolean dark) {
        v.getEngine().loadContent(HtmlSanitizer.page(HtmlSanitizer.ccdaToHtml(xml), dark), "text/html");
    }

    /** A content type in words, for people: "plain text", "HTML", "PDF"; unknown types as given. */
    public static String formatName(String mimeType) {
        return switch (mimeType == null ? "" : mimeType) {
            case "" -> "format not stated";
            case "text/plain" -> "plain text";
            case "text/html", "application/xhtml+xml" -> "HTML";
            case "text/xml", "application/xml" -> "XML (C-CDA)";
            case "application/hl7-v3+xml" -> "C-CDA";
            case "application/pdf" -> "PDF";
            case "image/png" -> "PNG image";
            case "image/jpeg" -> "JPEG image";
            case "image/gif" -> "GIF image";
            case "text/rtf", "application/rtf" -> "RTF";
            default -> mimeType;
        };
    }

    public static String decode(byte[] data, String contentType) {
        Charset cs = StandardCharsets.UTF_8;
        int i = contentType == null ? -1 : contentType.toLowerCase().indexOf("charset=");
        if (i >= 0) {
            try {
                cs = Charset.forName(contentType.substring(i + 8).trim().replace("\"", ""));
            } catch (RuntimeException ignored) {
                cs = StandardCharsets.UTF_8;
            }
        }
        return new String(data, cs);
    }
}
