package org.chartlens.store;

/**
 * The kinds of audit event ChartLens records, with the name each has in the log. Every place that
 * records names one of these, so a new kind (link / unlink, review marks, break-the-glass) is added
 * here first and then recorded the same way: the CLI through {@link ChartCache#audit(AuditAction,
 * String, String, String, String)} with source {@code cli:<command>}, the desktop through the
 * {@code ui.port.AuditPort} its view models call (source {@code view:<view>}).
 *
 * <p>The patient is named by its id only; {@code detail} is short and holds no PHI (counts, a tab
 * name, a resource reference, an outcome).
 */
public enum AuditAction {
    SIGN_IN("sign-in"),
    SIGN_OUT("sign-out"),
    /** One event per sync run: org, the patient when one, detail = patients, resources, outcome. */
    SYNC("sync"),
    IMPORT("import"),
    /** A chart opened in the desktop app; detail = the tab shown first. */
    CHART_OPENED("chart-opened"),
    /** {@code chartlens show}; detail = the part printed. */
    SHOW("show"),
    /** {@code chartlens screenshot}; detail = the tab rendered. */
    SCREENSHOT("screenshot"),
    EXPORT("export"),
    PRINT("print"),
    PDF("pdf"),
    /** One resource's raw JSON shown; detail = its reference (Type/id). */
    RAW_JSON_VIEWED("raw-json-viewed"),
    /** The patient list read ({@code chartlens patients}). */
    PATIENTS_LISTED("patients-listed"),
    /** A patient search at an organization ({@code chartlens find}, the Find field); detail = criteria names, count. */
    PATIENT_SEARCH("patient-search"),
    LOCK("lock"),
    UNLOCK("unlock"),
    /** A wrong passphrase; recorded at the next unlock (the cache is closed while locked). */
    UNLOCK_FAILED("unlock-failed"),
    SETTINGS_CHANGED("settings-changed"),
    PURGE_PATIENT("purge-patient"),
    PURGE_ORGANIZATION("purge-organization"),
    PURGE_OLDER_THAN("purge-older-than"),
    /** A damaged cache moved aside and a new one created; detail = the name the old file is kept under. */
    CACHE_REBUILT("cache-rebuilt"),
    /** Two records linked as one person; patient = the first, detail = the other, the person id. */
    LINK("link"),
    /** One record taken out of its person; detail = the person it left. */
    UNLINK("unlink"),
    /** Two records said not to be the same person (never proposed again); detail = the other. */
    LINK_REJECTED("link-rejected"),
    // hooks for features that come later; recorded the same way when they exist
    REVIEW_MARK("review-mark"),
    BREAK_THE_GLASS("break-the-glass"),
    /**
     * Restricted records included in a printed or exported document (issue 18): the user broke the
     * glass and ticked "Include restricted records in this document"; detail = the document (export or
     * print), how many restricted records, their labels, the glass's reason.
     */
    RESTRICTED_INCLUDED("restricted-included");

    private final String key;

    AuditAction(String key) {
        this.key = key;
    }

    /** The event's name in the log ({@link AuditEvent#event()}). */
    public String key() {
        return key;
    }
}
