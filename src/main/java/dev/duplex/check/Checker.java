package dev.duplex.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import dev.duplex.net.outbound.ProxyEnvironment;
import dev.duplex.net.outbound.ProxyRoute;
import dev.duplex.tls.Fingerprint;
import dev.duplex.tls.TlsContexts;
import dev.duplex.tls.client.CertificateRequestWatch;
import dev.duplex.tls.client.ClientTls;

/**
 * Runs the cases against a server: each case on its own connection, bounded by the per-case timeout (and
 * its own allowance for big messages), several at once so that a silent server costs little, the big
 * ones one at a time; the whole run bounded too. No JavaFX here: progress goes to a plain listener.
 */
public final class Checker {
    /** How many cases run at once. */
    static final int PARALLEL = 16;
    /**
     * Cases allowed more than this on top of the timeout run one at a time: the messages of 4 MiB and more
     * of {@code --full}, so that they are not all held at once.
     */
    static final long BIG_MS = 5_000;

    /**
     * What to check and how.
     *
     * @param origin    the Origin to send, null for none
     * @param headers   extra handshake headers
     * @param groups    the groups to run
     * @param full      the full sizes of group 9 (up to 16 MiB)
     * @param caseMs    the bound of one case
     * @param runMs     the bound of the whole run
     * @param trusted   certificates trusted by fingerprint on wss://, on top of the normal checks
     * @param outbound  the proxy and the client's own TLS files
     */
    public record Plan(URI url, String origin, Map<String, String> headers, Set<Integer> groups, boolean full,
            int caseMs, long runMs, List<Fingerprint> trusted, Outbound outbound) {
        public Plan {
            headers = Map.copyOf(headers);
            groups = Set.copyOf(groups);
            trusted = List.copyOf(trusted);
        }

        /** Straight out, or through the environment's proxy, with no client certificate. */
        public Plan(URI url, String origin, Map<String, String> headers, Set<Integer> groups, boolean full,
                int caseMs, long runMs, List<Fingerprint> trusted) {
            this(url, origin, headers, groups, full, caseMs, runMs, trusted, Outbound.DEFAULT);
        }

        Wire.Target target() {
            boolean wss = "wss".equalsIgnoreCase(url.getScheme());
            ProxyRoute route = ProxyEnvironment.route(url, outbound.proxy(), outbound.environment());
            if (!wss) return new Wire.Target(url, origin, headers, null, route);
            ClientTls own = outbound.clientTls();
            // The same trust as connect's client: the JDK's, the fingerprints, the CA file; the certificate when asked.
            SSLSocketFactory tls = TlsContexts.client(trusted, refused -> { }, new CertificateRequestWatch(own.certificate()),
                    own.authorities(), () -> { }).getSocketFactory();
            return new Wire.Target(url, origin, headers, tls, route);
        }

        /**
         * The default bound of the whole run: two minutes (groups 12 and 13 took 36 s against Node's ws with
         * compression on 2 cores), an hour with the full sizes (1000 compressed messages a case).
         */
        public static long defaultRunMs(boolean full) {
            return full ? 3_600_000 : 120_000;
        }
    }

    private Checker() { }

    /** How many cases the plan has. */
    public static int count(Set<Integer> groups, boolean full) {
        return Catalogue.cases(groups, full).size();
    }

    /** Runs the plan; {@code progress} hears of each case as it ends (on the checker's threads). */
    public static CheckReport run(Plan plan, Consumer<CaseResult> progress) {
        List<Case> cases = Catalogue.cases(plan.groups(), plan.full());
        Wire.Target target = plan.target();
        Instant started = Instant.now();
        long t0 = System.currentTimeMillis();
        long runDeadline = t0 + plan.runMs();
        ExecutorService small = Executors.newFixedThreadPool(PARALLEL, daemon("duplex-check"));
        ExecutorService big = Executors.newSingleThreadExecutor(daemon("duplex-check-big"));
        List<Future<CaseResult>> futures = new ArrayList<>();
        for (Case c : cases) {
            futures.add((c.extraMs() > BIG_MS ? big : small).submit(() -> {
                CaseResult r = runOne(c, target, plan.caseMs(), runDeadline);
                progress.accept(r);
                return r;
            }));
        }
        List<CaseResult> results = new ArrayList<>();
        boolean bounded = false;
        try {
            for (Future<CaseResult> f : futures) {
                CaseResult r = f.get();
                if (r.observed().equals(NOT_RUN)) bounded = true;
                results.add(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            small.shutdownNow();
            big.shutdownNow();
        }
        return new CheckReport(plan.url().toString(), started, System.currentTimeMillis() - t0, plan.full(), results, bounded);
    }

    private static final String NOT_RUN = "not run";

    /**
     * Whether the server can be reached at all: a TCP connection (and on wss:// a TLS handshake, which
     * says why a certificate is refused) within {@code ms}; null when it can, the reason otherwise. When
     * the handshake opens, the probe closes cleanly (a TLS connection simply dropped after its handshake
     * was seen, once in four runs, to leave our own LabServer refusing every connection after it).
     */
    public static String unreachable(Plan plan, int ms) {
        try (Wire w = Wire.open(plan.target(), new Transcript(), System.currentTimeMillis() + ms)) {
            // A clean close, as any client's: the server is left as it was.
            w.writeFrame(true, 0, Wire.CLOSE, Script.closePayload(1000, new byte[0]));
            new Replies(w, ms).next();
            return null;
        } catch (Wire.Refused | Wire.Silent | Wire.Ended reachable) {
            return null; // it took the connection; the cases say what is wrong with it
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    static CaseResult runOne(Case c, Wire.Target target, int caseMs, long runDeadline) {
        Transcript transcript = new Transcript();
        long start = System.currentTimeMillis();
        if (start >= runDeadline) {
            return result(c, new Judged(Verdict.FAIL, NOT_RUN, "the whole run's time bound was reached first"), 0, transcript);
        }
        long deadline = start + caseMs + c.extraMs();
        Judged j;
        try {
            j = c.probe().run(new Session(target, transcript, deadline, caseMs + c.extraMs()));
        } catch (Wire.Refused e) {
            j = Judged.fail(e.getMessage(), "the opening handshake did not open a WebSocket");
        } catch (ConnectException e) {
            j = Judged.fail("no connection: " + e.getMessage(), "could not connect to the server");
        } catch (Wire.Silent e) {
            j = Judged.fail("nothing within " + (caseMs + c.extraMs()) + " ms", "the server did not answer in time");
        } catch (IOException e) {
            j = Judged.fail(String.valueOf(e.getMessage()), "the connection failed: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            j = Judged.fail(String.valueOf(e), "the checker could not run this case");
        }
        return result(c, j, System.currentTimeMillis() - start, transcript);
    }

    private static CaseResult result(Case c, Judged j, long ms, Transcript t) {
        return new CaseResult(c.id(), c.group(), c.title(), c.section(), c.echo(), j.verdict(), j.observed(), j.why(), ms, t);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
