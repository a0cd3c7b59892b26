package org.chartlens.fhir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartlens.auth.TransportPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paging over a client's GETs: a search from its first page through every {@code next} link.
 * A next link is followed only when the bearer token could go there ({@link FhirClient#isOwn}),
 * never twice, and at most {@code maxPages} pages; a page that is not valid JSON is fetched once
 * more. Stateless apart from its client; thread safe.
 */
final class Paging {
    private static final Logger LOG = LoggerFactory.getLogger(Paging.class);
    private static final Pattern HEAD_NEXT = Pattern.compile(
            "\\{\\s*\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"\\\\]+)\"\\s*}");

    private final FhirClient client;

    Paging(FhirClient client) {
        this.client = client;
    }

    BundlePage page(URI uri) throws FhirException {
        FhirException last = null;
        for (int i = 0; i < 2; i++) {
            FhirClient.Response r = client.get(uri, Map.of());
            try {
                return client.json().readPage(r.body());
            } catch (FhirException e) {
                if (e.kind() != FhirException.Kind.MALFORMED) {
                    throw e;
                }
                last = e;
                LOG.info("Unreadable page from {}, fetching it again", client.organization().id());
            }
        }
        throw last;
    }

    int pages(URI first, FhirClient.PageSink sink, BooleanSupplier cancelled) throws FhirException {
        Set<String> seen = new HashSet<>();
        URI uri = first;
        int n = 0;
        while (uri != null) {
            n = nextPageAllowed(uri, seen, n, cancelled);
            BundlePage page = page(uri);
            try {
                sink.accept(page);
            } catch (FhirException | RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Sync cancelled");
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (page.next() == null || page.next().isBlank()) {
                break;
            }
            uri = nextLink(uri, page.next());
        }
        return n;
    }

    int pages(URI first, FhirClient.PageSink sink, BooleanSupplier cancelled, Executor parser) throws FhirException {
        Set<String> seen = new HashSet<>();
        URI uri = first;
        int n = 0;
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        try {
            while (uri != null) {
                n = nextPageAllowed(uri, seen, n, cancelled);
                URI current = uri;
                byte[] body = client.get(current, Map.of()).body();
                CompletableFuture<BundlePage> parsed =
                        CompletableFuture.supplyAsync(() -> parseOrRefetch(current, body), parser);
                chain = chain.thenCombine(parsed, (v, page) -> {
                    try {
                        sink.accept(page);
                        return null;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                String next = headNext(body);
                if (next == null) {
                    next = join(parsed).next();
                }
                if (chain.isCompletedExceptionally()) {
                    join(chain);
                }
                if (next == null || next.isBlank()) {
                    break;
                }
                try {
                    uri = nextLink(current, next);
                } catch (FhirException e) {
                    join(chain);
                    throw e;
                }
            }
        } catch (FhirException | RuntimeException e) {
            try {
                chain.join();
            } catch (RuntimeException ignored) {
                // the first failure is the one reported
            }
            throw e;
        }
        join(chain);
        return n;
    }

    /** The next link resolved against the page's address; refused unless the token may go there. */
    private URI nextLink(URI page, String next) throws FhirException {
        URI uri;
        try {
            uri = page.resolve(next.trim());
        } catch (IllegalArgumentException e) {
            throw new FhirException(FhirException.Kind.INSECURE, 0,
                    "The server's next-page link is not a usable address; it was not followed.", null);
        }
        if (client.isOwn(uri)) {
            return uri;
        }
        URI base = client.base();
        boolean sameOrigin = uri.getHost() != null && uri.getHost().equalsIgnoreCase(base.getHost())
                && base.getScheme().equalsIgnoreCase(uri.getScheme()) && TransportPolicy.port(uri) == TransportPolicy.port(base);
        throw new FhirException(FhirException.Kind.INSECURE, 0, sameOrigin
                ? "The server's next-page link points outside its FHIR address; it was not followed."
                : "The server's next-page link points to another server; it was not followed.", null);
    }

    /**
     * The guard every paging loop passes before fetching {@code uri}: stops on cancel, on a
     * repeated next link, and past the page cap. Returns the new page count.
     */
    private int nextPageAllowed(URI uri, Set<String> seen, int pagesSoFar, BooleanSupplier cancelled)
            throws FhirException {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Sync cancelled");
        }
        if (!seen.add(uri.toString())) {
            throw new FhirException(FhirException.Kind.PAGING, 0,
                    "The server's next-page link repeats an earlier page; paging was stopped.", null);
        }
        int max = client.options().maxPages();
        if (pagesSoFar + 1 > max) {
            throw new FhirException(FhirException.Kind.PAGING, 0,
                    "The server sent more than " + max + " pages; paging was stopped.", null);
        }
        return pagesSoFar + 1;
    }

    private BundlePage parseOrRefetch(URI uri, byte[] body) {
        try {
            try {
                return client.json().readPage(body);
            } catch (FhirException e) {
                if (e.kind() != FhirException.Kind.MALFORMED) {
                    throw e;
                }
                LOG.info("Unreadable page from {}, fetching it again", client.organization().id());
                return client.json().readPage(client.get(uri, Map.of()).body());
            }
        } catch (FhirException e) {
            throw new CompletionException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) throws FhirException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof FhirException fe) {
                throw fe;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c == null ? e : c);
        }
    }

    /** The next link from the part of a Bundle before its entries, or null when not there. */
    static String headNext(byte[] body) {
        int limit = Math.min(body.length, 64 * 1024);
        String head = new String(body, 0, limit, StandardCharsets.ISO_8859_1);
        int entry = head.indexOf("\"entry\"");
        if (entry < 0 && limit < body.length) {
            return null;
        }
        if (entry >= 0) {
            head = head.substring(0, entry);
        }
        Matcher m = HEAD_NEXT.matcher(head);
        if (m.find()) {
            return m.group(1);
        }
        return null;
    }
}
