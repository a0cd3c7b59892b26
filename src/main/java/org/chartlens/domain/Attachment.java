package org.chartlens.domain;

/**
 * One attachment of a document. The inline data itself is not held here (it can be megabytes);
 * it is read from the source JSON only when the user opens it. Immutable.
 *
 * @param contentType MIME type as given (may include "; charset=..."), or ""
 * @param title       title or ""
 * @param index       position in DocumentReference.content
 * @param inline      true when the attachment carries inline data
 * @param url         url, or null (never fetched without the user asking)
 * @param size        declared size in bytes, or -1
 */
public record Attachment(String contentType, String title, int index, boolean inline, String url,
                         long size) {
    /** The MIME type without parameters, lower case. */
    public String mimeType() {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase();
    }
}
