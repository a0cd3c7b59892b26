package org.chartlens.ui.port;

import java.util.Objects;

/**
 * Every port the desktop shell hands out to its view models, as the composition root wired
 * them. The shell passes each view model only the ports it needs. Immutable.
 */
public record ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                         DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer,
                         AuditPort audit, ChangesPort changes, PersonsPort persons, FindPort find, ReviewPort reviews,
                         ReferralsPort referrals, SummaryPort summaries) {
    public ShellPorts {
        Objects.requireNonNull(cache);
        Objects.requireNonNull(organizations);
        Objects.requireNonNull(signIn);
        Objects.requireNonNull(sync);
        Objects.requireNonNull(demo);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(lock);
        Objects.requireNonNull(viewer);
        Objects.requireNonNull(audit);
        Objects.requireNonNull(changes);
        Objects.requireNonNull(persons);
        Objects.requireNonNull(find);
        Objects.requireNonNull(reviews);
        Objects.requireNonNull(referrals);
        Objects.requireNonNull(summaries);
    }

    /** Without a referral list ({@link ReferralsPort#NONE}) or summaries ({@link SummaryPort#NONE}). */
    public ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                      DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer, AuditPort audit,
                      ChangesPort changes, PersonsPort persons, FindPort find, ReviewPort reviews) {
        this(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, persons, find, reviews,
                ReferralsPort.NONE, SummaryPort.NONE);
    }

    /**
     * Ports without person matching ({@link PersonsPort#NONE}: every record a person of one),
     * search, review marks, referral list or summaries.
     */
    public ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                      DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer, AuditPort audit,
                      ChangesPort changes) {
        this(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, PersonsPort.NONE,
                FindPort.NONE, ReviewPort.NONE);
    }

    /** Ports whose state never changes behind the views ({@link ChangesPort#NONE}). */
    public ShellPorts(CachePort cache, OrganizationsPort organizations, SignInPort signIn, SyncPort sync,
                      DemoPort demo, SettingsPort settings, LockPort lock, SystemViewerPort viewer, AuditPort audit) {
        this(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, ChangesPort.NONE);
    }

    public ShellPorts withChanges(ChangesPort c) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, c, persons, find, reviews, referrals, summaries);
    }

    public ShellPorts withPersons(PersonsPort p) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, p, find, reviews, referrals, summaries);
    }

    public ShellPorts withFind(FindPort f) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, persons, f, reviews, referrals, summaries);
    }

    public ShellPorts withReviews(ReviewPort r) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, persons, find, r, referrals, summaries);
    }

    public ShellPorts withReferrals(ReferralsPort l) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, persons, find, reviews, l, summaries);
    }

    public ShellPorts withSummaries(SummaryPort s) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, audit, changes, persons, find, reviews, referrals, s);
    }

    public ShellPorts withOrganizations(OrganizationsPort o) {
        return new ShellPorts(cache, o, signIn, sync, demo, settings, lock, viewer, audit, changes, persons, find, reviews, referrals, summaries);
    }

    public ShellPorts withSignIn(SignInPort s) {
        return new ShellPorts(cache, organizations, s, sync, demo, settings, lock, viewer, audit, changes, persons, find, reviews, referrals, summaries);
    }

    public ShellPorts withSync(SyncPort s) {
        return new ShellPorts(cache, organizations, signIn, s, demo, settings, lock, viewer, audit, changes, persons, find, reviews, referrals, summaries);
    }

    public ShellPorts withDemo(DemoPort d) {
        return new ShellPorts(cache, organizations, signIn, sync, d, settings, lock, viewer, audit, changes, persons, find, reviews, referrals, summaries);
    }

    public ShellPorts withAudit(AuditPort a) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, viewer, a, changes, persons, find, reviews, referrals, summaries);
    }

    public ShellPorts withViewer(SystemViewerPort v) {
        return new ShellPorts(cache, organizations, signIn, sync, demo, settings, lock, v, audit, changes, persons, find, reviews, referrals, summaries);
    }
}
