package org.chartlens.ui.documents;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Allow-list sanitiser for narrative XHTML and HTML documents (FHIR txt-1; security.md item 21).
 * Keeps text structure only: no scripts, forms, frames, objects, images, SVG, style attributes
 * or elements, event attributes, meta/link elements; links keep http(s) targets but are made
 * inert (the WebView vetoes navigation anyway). Stateless, thread safe; linear in the input.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFE = new Safelist()
            .addTags("a", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
                    "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins",
                    "li", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table",
                    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https");

    private HtmlSanitizer() {
    }

    /** Sanitised body markup (no html/head). */
    public static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(SAFE).clean(dirty);
        for (Element a : clean.select("a[href]")) {
            a.attr("title", "Link (not followed inside ChartLens): " + a.attr("href"));
            a.removeAttr("href");
            a.addClass("inert-link");
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** A complete page around sanitised markup, with our own inline style only. */
    public static String page(String sanitizedBody, boolean dark) {
        String fg = dark ? "#e6e6e6" : "#1d1d1d";
        String bg = dark ? "#1e2227" : "#ffffff";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<style>body{font-family:sans-serif;font-size:14px;line-height:1.45;color:" + fg
                + ";background:" + bg + ";margin:16px;}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:2px 6px}.inert-link{text-decoration:underline}"
                + "pre{white-space:pre-wrap}</style></head><body>" + sanitizedBody + "</body></html>";
    }

    /**
     * A C-CDA document made readable: the title and each section's title and narrative text,
     * then sanitised like any HTML. Never resolves external entities (jsoup does not).
     */
    public static String ccdaToHtml(String xml) {
        Document d = Jsoup.parse(xml, "", Parser.xmlParser());
        StringBuilder sb = new StringBuilder();
        Element title = d.selectFirst("ClinicalDocument > title");
        sb.append("<h2>").append(escape(title == null ? "Clinical document" : title.text())).append("</h2>");
        for (Element section : d.select("section")) {
            Element st = section.selectFirst("> title");
            Element text = section.selectFirst("> text");
            if (st != null) {
                sb.append("<h3>").append(escape(st.text())).append("</h3>");
            }
            if (text != null) {
                sb.append("<div>").append(cdaNarrative(text)).append("</div>");
            }
        }
        return sanitize(sb.toString());
    }

    private static String cdaNarrative(Element text) {
        // CDA narrative uses paragraph/list/item/table/content; map to HTML before sanitising.
        String h = text.html()
                .replaceAll("<(/?)paragraph", "<$1p")
                .replaceAll("<(/?)item", "<$1li")
                .replaceAll("<list listType=\"ordered\"", "<ol")
                .replaceAll("<(/?)list", "<$1ul")
                .replaceAll("<(/?)content", "<$1span");
        return h;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
