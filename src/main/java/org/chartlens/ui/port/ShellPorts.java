package org.chartlens.ui.port;

import java.util.Objects;

/**
 * Every port the desktop shell hands out to its view models, as the composition root wired
 * them. The shell passes each view model only the ports it needs. Immutable.
 */
public record ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                         DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer,
                         AuditPort audit, ChangesPort changes, ReviewPort reviews) {
    public ShellPorts {
        Objects.requireNonNull(changes);
        Objects.requireNonNull(reviews);
        Objects.requireNonNull(cache);
        Objects.requireNonNull(organizations);
        Objects.requireNonNull(signIn);
        Objects.requireNonNull(sync);
        Objects.requireNonNull(demo);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(lock);
        Objects.requireNonNull(viewer);
        Objects.requireNonNull(audit);
    }

    /** Without reviews ({@link ReviewPort#NONE}). */
    public ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                      DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer, AuditPort audit,
                      ChangesPort changes) {
        this(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, ReviewPort.NONE);
    }

    /** Ports whose state never changes behind the views ({@link ChangesPort#NONE}). */
    public ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                      DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer, AuditPort audit) {
        this(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, ChangesPort.NONE);
    }

    public ShellPorts withChanges(ChangesPort c) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, c, reviews);
    }

    public ShellPorts withOrganizations(OrganizationsPort o) {
        return new ShellPorts(cache, o, signIn, sync, demo, settings, lock, viewer, audit, changes, reviews);
    }

    public ShellPorts withSignIn(SignInPort s) {
        return new ShellPorts(cache, organizations, s, sync, demo, settings, lock, viewer, audit, changes, reviews);
    }

    public ShellPorts withSync(SyncPort s) {
        return new ShellPorts(cache, organizations, signIn, s, demo, settings, lock, viewer, audit, changes, reviews);
    }

    public ShellPorts withDemo(DemoPort d) {
        return new ShellPorts(cache, organizations, signIn, sync, d, settings, lock, viewer, audit, changes, reviews);
    }

    public ShellPorts withAudit(AuditPort a) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, a, changes, reviews);
    }

    public ShellPorts withReviews(ReviewPort r) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, r);
    }

    public ShellPorts withViewer(SystemViewerPort v) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, v, audit, changes, reviews);
    }
}
