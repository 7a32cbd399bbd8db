package dev.duplex.check.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.Transcript;
import dev.duplex.i18n.Texts;

/**
 * The server that checks a WebSocket client against RFC 6455: a raw TCP server (no WebSocket library, as
 * it must send broken things) on which each WebSocket connection runs one case, chosen by its path:
 * {@code /case/ID} runs that case, {@code /check} the next case not yet run (for a client that cannot be
 * spawned and simply reconnects). The client is judged only by what it does on the wire.
 *
 * <p>Plain HTTP on the same port: {@code /check/report} is the HTML report of the results so far
 * ({@code ?format=json} the JSON one), {@code /check/browser} a page that runs every case with the
 * browser's own WebSocket. With a TLS context every connection is TLS first: wss:// cases and https://
 * pages, the frames the same bytes inside TLS records. No JavaFX here: each result goes to a plain listener, on the connection's thread.
 *
 * <pre>{@code
 * try (ClientCheckServer s = ClientCheckServer.start("127.0.0.1", 0, ClientCheckServer.GROUPS, 2000, r -> {})) {
 *     // point the client at s.caseUrl(id) for each of s.caseIds(), or at s.checkUrl() again and again
 *     s.awaitDone(60_000);
 *     CheckReport report = s.report();
 * }
 * }</pre>
 */
public final class ClientCheckServer implements AutoCloseable {
    /** Every group of client cases. */
    public static final Set<Integer> GROUPS = ClientCatalogue.GROUPS;
    /** How long a connection may take to send its request head (ms). */
    private static final int HEAD_MS = 10_000;

    private final ServerSocket listening;
    /** Null for ws://. */
    private final SSLContext tls;
    /** Guarded by this: why the latest TLS handshake failed (a client that does not trust the certificate, say). */
    private String tlsFailure;
    /** Guarded by this: how many TLS handshakes have failed. */
    private int tlsFailures;
    private final Map<String, ClientCase> cases = new LinkedHashMap<>();
    private final int caseMs;
    private final Consumer<CaseResult> listener;
    private final Texts texts;
    private final Instant started = Instant.now();
    private final long t0 = System.currentTimeMillis();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "duplex-client-check");
        t.setDaemon(true);
        return t;
    });
    /** Guarded by this: the results so far, and the cases handed out by /check. */
    private final Map<String, CaseResult> results = new LinkedHashMap<>();
    private final Set<String> handedOut = new HashSet<>();

    private ClientCheckServer(ServerSocket listening, SSLContext tls, Set<Integer> groups, int caseMs,
            Consumer<CaseResult> listener, Texts texts) {
        this.listening = listening;
        this.tls = tls;
        for (ClientCase c : ClientCatalogue.cases(groups)) cases.put(c.id(), c);
        this.caseMs = caseMs;
        this.listener = listener;
        this.texts = texts;
    }

    /** Listens on {@code bind}:{@code port} (0: any free port) with the user's language for the report. */
    public static ClientCheckServer start(String bind, int port, Set<Integer> groups, int caseMs, Consumer<CaseResult> listener)
            throws IOException {
        return start(bind, port, groups, caseMs, listener, Texts.of(Texts.localeFor("")));
    }

    /**
     * Listens on {@code bind}:{@code port} (0: any free port) and serves the cases of {@code groups}, each
     * bounded by {@code caseMs}; {@code listener} hears of each result as its case ends.
     */
    public static ClientCheckServer start(String bind, int port, Set<Integer> groups, int caseMs, Consumer<CaseResult> listener,
            Texts texts) throws IOException {
        return start(bind, port, groups, caseMs, listener, texts, null);
    }

    /** As {@link #start(String, int, Set, int, Consumer, Texts)}, over TLS with {@code tls} (null: plain ws://). */
    public static ClientCheckServer start(String bind, int port, Set<Integer> groups, int caseMs, Consumer<CaseResult> listener,
            Texts texts, SSLContext tls) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        ClientCheckServer server = new ClientCheckServer(s, tls, groups, caseMs, listener, texts);
        Thread acceptor = new Thread(server::accept, "duplex-client-check-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return listening.getLocalPort();
    }

    private String authority() {
        String host = listening.getInetAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private String ws() {
        return tls == null ? "ws://" : "wss://";
    }

    private String http() {
        return tls == null ? "http://" : "https://";
    }

    /** The ws:// (or wss://) URL that runs case {@code id}. */
    public URI caseUrl(String id) {
        return URI.create(ws() + authority() + "/case/" + id);
    }

    /** The ws:// (or wss://) URL whose every connection runs the next case not yet run. */
    public URI checkUrl() {
        return URI.create(ws() + authority() + "/check");
    }

    /** The http:// (or https://) URL of the HTML report so far (add {@code ?format=json} for JSON). */
    public URI reportUrl() {
        return URI.create(http() + authority() + "/check/report");
    }

    /** The http:// (or https://) URL of the page that checks the browser that opens it. */
    public URI browserUrl() {
        return URI.create(http() + authority() + "/check/browser");
    }

    /** Why the latest TLS handshake with a client failed, or null when none has. */
    public synchronized String tlsFailure() {
        return tlsFailure;
    }

    /** How many TLS handshakes with clients have failed so far. */
    public synchronized int tlsFailures() {
        return tlsFailures;
    }

    /** Waits up to {@code ms} for a TLS handshake to fail; why it did, or null when none has by then. */
    public synchronized String awaitTlsFailure(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        long left;
        while (tlsFailure == null && (left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(this, left);
        return tlsFailure;
    }

    /** The bound of one case, in ms. */
    public int caseMs() {
        return caseMs;
    }

    /** The cases this server runs, in order. */
    public List<String> caseIds() {
        return List.copyOf(cases.keySet());
    }

    /** One line of what case {@code id} does. */
    public String title(String id) {
        ClientCase c = cases.get(id);
        return c == null ? "" : c.title();
    }

    /** The results so far, in the order of the cases. */
    public synchronized List<CaseResult> results() {
        List<CaseResult> out = new ArrayList<>();
        for (String id : cases.keySet()) if (results.containsKey(id)) out.add(results.get(id));
        return out;
    }

    /** The results so far as a report (its URL is {@link #checkUrl()}). */
    public CheckReport report() {
        return new CheckReport(checkUrl().toString(), started, System.currentTimeMillis() - t0, false, results(), false);
    }

    /** Whether every case has a result. */
    public synchronized boolean done() {
        return results.size() == cases.size();
    }

    /** Waits until every case has a result or {@code ms} pass; whether they all have one. */
    public synchronized boolean awaitDone(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        long left;
        while (!done() && (left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(this, left);
        return done();
    }

    /** Waits up to {@code ms} for case {@code id}'s result; null when it has none by then. */
    public synchronized CaseResult awaitResult(String id, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        long left;
        while (!results.containsKey(id) && (left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(this, left);
        return results.get(id);
    }

    /** Records a FAIL for a case the client never connected to (a spawned client that did not start, say). */
    public CaseResult notConnected(String id, String observed) {
        ClientCase c = cases.get(id);
        if (c == null) throw new IllegalArgumentException("no case " + id);
        CaseResult r = result(c, Outcome.fail(observed, "the client never connected for this case"), 0, new Transcript());
        record(r);
        return r;
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (IOException ignored) {
            // Closing is all we wanted.
        }
        connections.shutdownNow();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket s = listening.accept();
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
    }

    private void serve(Socket accepted) {
        try (accepted) {
            accepted.setTcpNoDelay(true);
            accepted.setSoTimeout(HEAD_MS);
            if (tls == null) {
                serveOn(accepted);
                return;
            }
            Socket secured = handshake(accepted);
            if (secured == null) return;
            try (secured) {
                serveOn(secured); // its close says close_notify before the TCP close
            }
        } catch (IOException e) {
            // A connection that never sent its request: nothing to judge.
        }
    }

    private void serveOn(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String head = ClientWire.readHead(in);
        Upgrade req = Upgrade.parse(head);
        if (req == null) return;
        if (!req.wantsWebSocket()) {
            new Pages(this, texts).answer(req, socket.getOutputStream());
            return;
        }
        ClientCase c = chosen(req.path());
        if (c == null) {
            socket.getOutputStream().write(Upgrade.response("404 Not Found", List.of("Content-Length: 0", "Connection: close")));
            return;
        }
        run(c, socket, in, head, req);
    }

    /** The TLS socket over {@code plain}, its handshake done; null when it failed (said by {@link #tlsFailure()}). */
    private Socket handshake(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, plain.getInetAddress().getHostAddress(),
                plain.getPort(), true);
        s.setUseClientMode(false);
        try {
            s.startHandshake();
            return s;
        } catch (javax.net.ssl.SSLException e) {
            synchronized (this) {
                tlsFailure = String.valueOf(e.getMessage());
                tlsFailures++;
                notifyAll();
            }
            return null;
        }
    }

    /** The case a WebSocket request's path asks for, or null. */
    private synchronized ClientCase chosen(String path) {
        if (path.startsWith("/case/")) return cases.get(path.substring("/case/".length()));
        if (!path.equals("/check")) return null;
        for (ClientCase c : cases.values()) {
            if (!results.containsKey(c.id()) && handedOut.add(c.id())) return c;
        }
        return null;
    }

    private void run(ClientCase c, Socket socket, InputStream in, String head, Upgrade req) {
        Transcript transcript = new Transcript();
        transcript.got(head.getBytes(StandardCharsets.ISO_8859_1), "the client's upgrade request: " + req.method() + " " + req.target());
        long start = System.currentTimeMillis();
        Outcome o;
        try (ClientWire w = new ClientWire(socket, in, transcript, start + caseMs)) {
            byte[] answer = c.answer().answer(req);
            w.raw(answer, "the server's answer: " + new String(answer, StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
            o = c.probe().run(w, req);
        } catch (Reactions.Broken e) {
            o = Outcome.fail("broke the protocol", e.getMessage());
        } catch (ClientWire.Ended e) {
            o = Outcome.fail(e.getMessage(), "it ended the connection when it should not have");
        } catch (ClientWire.Silent e) {
            o = Outcome.fail("nothing within " + caseMs + " ms", "the client did not answer in time");
        } catch (IOException e) {
            o = Outcome.fail(String.valueOf(e.getMessage()), "the connection failed: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            o = Outcome.fail(String.valueOf(e), "the checker could not run this case");
        }
        record(result(c, o, System.currentTimeMillis() - start, transcript));
    }

    private void record(CaseResult r) {
        synchronized (this) {
            results.put(r.id(), r);
            notifyAll();
        }
        listener.accept(r);
    }

    private static CaseResult result(ClientCase c, Outcome o, long ms, Transcript t) {
        return new CaseResult(c.id(), c.group(), c.title(), c.section(), false, o.verdict(), o.observed(), o.why(), ms, t);
    }
}
