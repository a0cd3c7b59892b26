package org.chartlens.domain;

import java.util.List;

/**
 * One clinical document (DocumentReference). Immutable.
 *
 * @param type        document type display
 * @param category    category display or ""
 * @param date        date as given
 * @param status      current, superseded, ...
 * @param author      author display(s) or ""
 * @param custodian   custodian display or ""
 * @param attachments the content
 * @param source      organization and resource
 */
public record DocumentEntry(Coded type, String category, ChartDate date, String status,
                            String author, String custodian, List<Attachment> attachments,
                            Source source) {
    public DocumentEntry {
        attachments = List.copyOf(attachments);
    }
}
