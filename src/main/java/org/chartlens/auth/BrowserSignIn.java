package org.chartlens.auth;

import java.net.URI;
import java.time.Duration;
import org.chartlens.connect.Organization;

/**
 * A browser sign-in in progress: the loopback listener is open and the pending login registered.
 * The UI shows "waiting for the browser" with a Cancel button that calls {@link #cancel()} from
 * any thread; a background thread calls {@link #complete(Duration)}.
 */
public final class BrowserSignIn implements AutoCloseable {
    private final SmartSignIn owner;
    private final Organization org;
    private final PendingLogin login;
    private final LoopbackRedirect redirect;

    BrowserSignIn(SmartSignIn owner, Organization org, PendingLogin login, LoopbackRedirect redirect) {
        this.owner = owner;
        this.org = org;
        this.login = login;
        this.redirect = redirect;
    }

    public URI authorizationUrl() {
        return login.authorizationUrl();
    }

    public URI redirectUri() {
        return redirect.redirectUri();
    }

    public Organization organization() {
        return org;
    }

    PendingLogin login() {
        return login;
    }

    /** Waits for the browser callback, checks it, exchanges the code and saves the session. */
    public Session complete(Duration timeout) throws AuthException {
        try {
            return owner.finish(this, redirect.await(timeout));
        } finally {
            owner.pendingLogins().discard(login);
        }
    }

    public void cancel() {
        redirect.cancel();
        owner.pendingLogins().discard(login);
    }

    @Override
    public void close() {
        cancel();
    }
}
