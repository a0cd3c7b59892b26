package org.chartlens.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.web.WebView;
import org.chartlens.ui.testing.Fx;
import org.junit.jupiter.api.Test;

/**
 * security.md items 20-21 with a real WebView: JavaScript off, pop-ups refused, user data in the
 * session temp folder (removed on close), and hostile markup loads nothing from a live server.
 */
class DocumentViewerTest {
    @Test
    void hostileHtmlRunsNothingAndLoadsNothing() throws Exception {
        Fx.stage();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        String evil = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            String html = "<p id=t>note</p><script>document.title='pwned';fetch('" + evil + "/s')</script>"
                    + "<img src='" + evil + "/i.png' onerror=\"document.title='pwned'\">"
                    + "<svg onload=\"document.title='pwned'\"></svg><a href=\"javascript:document.title='pwned'\">x</a>"
                    + "<div style=\"background:url(" + evil + "/c.png)\">y</div>"
                    + "<meta http-equiv=\"refresh\" content=\"0;url=" + evil + "/r\">"
                    + "<iframe src='" + evil + "/f'></iframe>";
            WebView v = Fx.call(DocumentViewer::create);
            Fx.show(new javafx.scene.layout.StackPane(v));
            Fx.run(() -> DocumentViewer.showHtml(v, html, false));
            Thread.sleep(1500);
            Fx.settle();
            assertFalse(Fx.call(() -> v.getEngine().isJavaScriptEnabled()));
            assertNull(Fx.call(() -> v.getEngine().getCreatePopupHandler().call(null)));
            String title = Fx.call(() -> v.getEngine().getTitle());
            assertFalse("pwned".equals(title));
            assertEquals(0, hits.get(), "no request reached the server");
            // Sanitised content has no links, refreshes or frames that could navigate; should a
            // navigation start anyway, it is cancelled and our document stays shown.
            Fx.run(() -> v.getEngine().load(evil + "/nav"));
            Thread.sleep(800);
            Fx.settle();
            assertEquals(javafx.concurrent.Worker.State.CANCELLED, Fx.call(() -> v.getEngine().getLoadWorker().getState()));
            assertTrue(Fx.call(() -> v.getEngine().getDocument() == null
                    || v.getEngine().getDocument().getElementById("t") != null
                    || v.getEngine().getDocument().getDocumentElement().getTextContent().isEmpty()));
            Path folder = WebViewSession.get().folder();
            assertTrue(Files.isDirectory(folder));
            assertTrue(folder.getFileName().toString().startsWith("chartlens-web-"));
            WebViewSession.get().close();
            assertFalse(Files.exists(folder), "session folder removed");
        } finally {
            server.stop(0);
        }
    }
}
