package dev.duplex.model;

import dev.duplex.protocol.Utf8;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.duplex.model.ConnectionModel.ClientState;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.protocol.CloseCodes;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import dev.duplex.net.WsUrl;
import dev.duplex.protocol.CloseRequest;
import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.HarFormat;
import dev.duplex.conversation.JsonLinesFormat;
import dev.duplex.conversation.ConversationFileException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One client connection of the window, as one tab shows it: its URL and options, its message box, its
 * labs (control frames, burst sending), and what the network decided (state, log, frames, handshake).
 * Several can be open at once, each with its own connection; they share the dispatcher, so the UI
 * thread still gets one batch per pulse.
 *
 * <p>The form fields are plain properties the views bind to both ways; the rest is read-only outside.
 * The intents check the form here and hand the network work to this session's own background thread.
 * UI thread only.
 */
public final class ClientSession {
    private final StringProperty url = new SimpleStringProperty(this, "url");
    private final BooleanProperty sendOrigin = new SimpleBooleanProperty(this, "sendOrigin");
    private final StringProperty origin = new SimpleStringProperty(this, "origin");
    /** The message box, its modes, history and saved messages. */
    private final Composer composer = new Composer();
    // ---- client options ----
    /** Extra handshake headers, one "Name: value" per line. */
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    /** Subprotocols to offer, separated by commas or spaces. */
    private final StringProperty subprotocols = new SimpleStringProperty(this, "subprotocols", "");
    private final BooleanProperty deflate = new SimpleBooleanProperty(this, "deflate", false);
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout",
            Integer.toString(ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS));
    // ---- the client's control-frame lab ----
    private final StringProperty pingPayload = new SimpleStringProperty(this, "pingPayload", "");
    private final StringProperty pingEvery = new SimpleStringProperty(this, "pingEvery", "5");
    private final ReadOnlyBooleanWrapper pinging = new ReadOnlyBooleanWrapper(this, "pinging");
    private final BooleanProperty autoPong = new SimpleBooleanProperty(this, "autoPong", true);
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    private final StringProperty fragmentSize = new SimpleStringProperty(this, "fragmentSize", "4");
    // ---- saved connections, in named collections ----
    private final StringProperty connectionCollection = new SimpleStringProperty(this, "connectionCollection", "");
    private final StringProperty connectionName = new SimpleStringProperty(this, "connectionName", "");
    // ---- burst and periodic sending ----
    private final StringProperty burstTemplate = new SimpleStringProperty(this, "burstTemplate", "message {n}");
    private final StringProperty burstCount = new SimpleStringProperty(this, "burstCount", "100");
    /** 0 sends them all at once; else one every so many ms. */
    private final StringProperty burstEvery = new SimpleStringProperty(this, "burstEvery", "0");
    private final ReadOnlyBooleanWrapper bursting = new ReadOnlyBooleanWrapper(this, "bursting");
    private final ReadOnlyObjectWrapper<BurstStats> burstStats = new ReadOnlyObjectWrapper<>(this, "burstStats");
    /** The latest round trips in ms, oldest first, for the live chart. */
    private final javafx.collections.ObservableList<Double> recentRoundTrips = javafx.collections.FXCollections.observableArrayList();
    private final RoundTrips roundTrips = new RoundTrips();
    private BurstRun burst;
    private final FrameTotals clientTotals = new FrameTotals();
    /** Sends the periodic pings; a daemon, so it never keeps the app alive. */
    private final java.util.concurrent.ScheduledExecutorService pingTimer =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "duplex-ping");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.ScheduledFuture<?> periodicPing;
    private final ReadOnlyObjectWrapper<ClientState> clientState =
            new ReadOnlyObjectWrapper<>(this, "clientState", ClientState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Notice> clientNotice = new ReadOnlyObjectWrapper<>(this, "clientNotice");
    private final LogBuffer clientLog;
    private final LogBuffer clientFrames;
    private final ReadOnlyObjectWrapper<WsEvent.Handshake> clientHandshake =
            new ReadOnlyObjectWrapper<>(this, "clientHandshake");
    private final WsClient client;
    private final javafx.beans.property.ReadOnlyStringWrapper refusedCertificate =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "refusedCertificate");
    private final java.util.Set<dev.duplex.tls.Fingerprint> trustedCertificates = new java.util.LinkedHashSet<>();

    private final Dispatcher dispatcher;
    /** Every call that may block on the network (connect, send, close) runs here, never on the UI thread. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duplex-client-io");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> shutdown;

    ClientSession(Dispatcher dispatcher, String initialUrl, boolean sendOriginInitially, String initialOrigin, int logCap) {
        this.dispatcher = dispatcher;
        // One sink object for this session: the dispatcher groups consecutive events by sink identity.
        Consumer<List<WsEvent>> sink = this::onClientEvents;
        this.client = new WsClient(event -> dispatcher.post(sink, event));
        clientLog = new LogBuffer(logCap);
        clientFrames = new LogBuffer(logCap);
        url.set(initialUrl);
        sendOrigin.set(sendOriginInitially);
        origin.set(initialOrigin);
        autoPong.addListener((o, a, on) -> client.setAutoPong(on));
    }

    void setLogCap(int cap) {
        clientLog.setCap(cap);
        clientFrames.setCap(cap);
    }

    /** Closes the connection with 1001 and stops this session's timers; completes when done. */
    synchronized CompletableFuture<Void> shutdown() {
        if (shutdown == null) {
            pingTimer.shutdownNow();
            if (burst != null) burst.stop();
            shutdown = CompletableFuture.runAsync(() -> client.close(CloseCodes.GOING_AWAY, "Duplex is closing"), io)
                    .whenComplete((v, e) -> io.shutdown());
        }
        return shutdown;
    }

    /** Whether the connection is open or on its way. */
    public boolean busy() {
        return clientState.get() != ClientState.DISCONNECTED;
    }

    void notice(Notice n) {
        clientNotice.set(n);
    }

    /** The last path segment or host of the URL, for a tab's title. */
    public String title() {
        String u = url.get() == null ? "" : url.get();
        try {
            URI uri = WsUrl.parse(u);
            return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath());
        } catch (WsUrl.InvalidUrlException e) {
            return u.isBlank() ? "?" : u;
        }
    }

    // ================= intents =================

    /** Checks the URL and starts connecting in the background. */
    public void connect() {
        if (clientState.get() != ClientState.DISCONNECTED) return;
        clientNotice.set(null);
        URI uri;
        try {
            uri = WsUrl.parse(url.get());
        } catch (WsUrl.InvalidUrlException e) {
            clientNotice.set(Notice.of(e.key(), e.detail()));
            return;
        }
        String originHeader = null;
        if (sendOrigin.get()) {
            String typed = origin.get() == null ? "" : origin.get().strip();
            originHeader = typed.isEmpty() ? WsUrl.defaultOrigin(uri) : typed;
        }
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (String line : (headers.get() == null ? "" : headers.get()).split("\\R")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                clientNotice.set(Notice.of("form.header", line.strip()));
                return;
            }
            extra.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        int timeout;
        try {
            timeout = Integer.parseInt(connectTimeout.get().strip());
            if (timeout < 1 || timeout > 600_000) throw new NumberFormatException();
        } catch (RuntimeException e) {
            clientNotice.set(Notice.of("form.timeout"));
            return;
        }
        List<String> offered = java.util.Arrays.stream((subprotocols.get() == null ? "" : subprotocols.get()).split("[,\\s]+"))
                .filter(x -> !x.isBlank()).toList();
        ClientOptions options = new ClientOptions(originHeader, extra, timeout, offered, deflate.get());
        clientTotals.reset();
        clientFrames.clear();
        clientState.set(ClientState.CONNECTING);
        io.execute(() -> client.connect(uri, options));
    }

    /** Closes the connection with 1000 (normal closure); onclose follows when the server answers. */
    public void disconnect() {
        ClientState s = clientState.get();
        if (s != ClientState.OPEN && s != ClientState.CONNECTING) return;
        clientState.set(ClientState.CLOSING);
        io.execute(() -> client.close(CloseCodes.NORMAL, ""));
    }

    /**
     * Sends the message box as its mode says: text (an empty message is a valid message), JSON (checked
     * first), or binary typed as hex or base64.
     */
    public void send() {
        Payload payload = readyToSend();
        if (payload == null) return;
        composer.remember(composer.textProperty().get());
        onClient(() -> {
            if (payload.isBinary()) client.send(payload.bytes());
            else client.send(payload.text());
        });
    }

    /**
     * The client's conversation as it stands: the last handshake, every frame the frame view holds, and how
     * the last connection ended. (The frame view keeps the newest frames up to the log limit.)
     */
    private Conversation currentConversation() {
        List<WsEvent> events = new ArrayList<>();
        WsEvent.Opened opened = null;
        WsEvent.Closed closed = null;
        for (WsEvent e : clientLog.events()) {
            if (e instanceof WsEvent.Opened o) {
                opened = o;
                closed = null;
            } else if (e instanceof WsEvent.Closed c) {
                closed = c;
            }
        }
        if (clientHandshake.get() != null) events.add(clientHandshake.get());
        if (opened != null) events.add(opened);
        events.addAll(clientFrames.events());
        if (closed != null) events.add(closed);
        if (opened == null && clientHandshake.get() == null && clientFrames.events().isEmpty()) return null;
        return Conversation.allOf(events).get(0);
    }

    /**
     * Saves the client's conversation (handshake, every frame with its time, the close) as HAR when the file
     * ends in .har, else as JSON Lines. Written off the UI thread, atomically; the notice says how it went.
     */
    public void saveConversation(Path file) {
        Conversation c;
        try {
            c = currentConversation();
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null) {
            clientNotice.set(Notice.of("file.nothing"));
            return;
        }
        Conversation conversation = c;
        boolean har = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + HarFormat.EXTENSION);
        writeOffThread(file, out -> {
            if (har) HarFormat.write(conversation, out);
            else JsonLinesFormat.write(conversation, out);
        }, Notice.of("file.saved", conversation.frames().size(), file.getFileName().toString()));
    }

    /** Saves lines of text (the log as shown) to a file, off the UI thread. */
    public void saveText(Path file, List<String> lines) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        writeOffThread(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Notice.of("file.savedLog", lines.size(), file.getFileName().toString()));
    }

    private interface Writing {
        void to(java.io.OutputStream out) throws java.io.IOException;
    }

    private void writeOffThread(Path file, Writing writing, Notice done) {
        io.execute(() -> {
            Notice result = done;
            try {
                // Written beside, then moved over: a crash never leaves half a file under the chosen name.
                Path dir = file.toAbsolutePath().getParent();
                Path tmp = java.nio.file.Files.createTempFile(dir, ".duplex-", ".tmp");
                try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
                    writing.to(out);
                }
                java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException | RuntimeException e) {
                result = Notice.of("file.cannotWrite", file.getFileName().toString(), String.valueOf(e.getMessage()));
            }
            Notice shown = result;
            dispatcher.run(() -> clientNotice.set(shown));
        });
    }

    /**
     * Opens a conversation saved as JSON Lines or HAR (a browser's export included) into the client's frame
     * and handshake views, to read it there. Only while disconnected: a live connection owns those views.
     */
    public void openConversation(Path file) {
        if (clientState.get() != ClientState.DISCONNECTED) {
            clientNotice.set(Notice.of("file.disconnectFirst"));
            return;
        }
        String name = file.getFileName().toString();
        boolean har = name.toLowerCase(java.util.Locale.ROOT).endsWith("." + HarFormat.EXTENSION);
        io.execute(() -> {
            List<Conversation> found;
            Notice problem = null;
            try (var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
                found = har ? HarFormat.read(in) : List.of(JsonLinesFormat.read(in));
            } catch (ConversationFileException e) {
                found = List.of();
                problem = Notice.of("file.bad", name, e.line(), e.problem());
            } catch (java.io.IOException | RuntimeException e) {
                found = List.of();
                problem = Notice.of("file.cannotRead", name, String.valueOf(e.getMessage()));
            }
            List<Conversation> conversations = found;
            Notice failed = problem;
            dispatcher.run(() -> {
                if (failed != null) {
                    clientNotice.set(failed);
                } else if (conversations.isEmpty()) {
                    clientNotice.set(Notice.of("file.noWebSocket", name));
                } else {
                    show(conversations.get(0));
                    clientNotice.set(Notice.of(conversations.size() > 1 ? "file.openedFirst" : "file.opened",
                            conversations.get(0).frames().size(), conversations.get(0).url().toString(), conversations.size()));
                }
            });
        });
    }

    /** Puts a conversation read from a file into the frame and handshake views. */
    private void show(Conversation c) {
        String peer = c.url().toString();
        List<WsEvent> frames = new ArrayList<>();
        for (Conversation.Frame f : c.frames()) frames.add(f.toEvent(peer));
        clientFrames.clear();
        clientTotals.reset();
        clientFrames.addAll(frames);
        clientTotals.add(frames);
        clientHandshake.set(c.handshake() == null ? null : new WsEvent.Handshake(c.handshake().at(), peer, c.handshake().record()));
    }

    /** What a burst has done so far: counts, rate and round-trip percentiles in ms. */
    public record BurstStats(int sent, int count, int answered, double perSecond, double p50, double p90, double p99,
            double max) { }

    /** How many round trips the chart shows. */
    static final int CHART_POINTS = 300;

    /**
     * Sends the burst's messages from its template ({n} counts from 1), all at once or one every so many
     * ms, and measures each reply's round trip.
     */
    public void startBurst() {
        if (!checkOpen() || bursting.get()) return;
        Integer count = null;
        Integer every = null;
        try {
            count = Integer.parseInt(burstCount.get().strip());
            every = Integer.parseInt(burstEvery.get().strip());
        } catch (RuntimeException e) {
            // reported below
        }
        if (count == null || count < 1 || count > BurstRun.MAX_COUNT || every == null || every < 0 || every > 3_600_000) {
            clientNotice.set(Notice.of("form.burst"));
            return;
        }
        clientNotice.set(null);
        if (burst != null) burst.stop();
        roundTrips.clear();
        recentRoundTrips.clear();
        burst = new BurstRun(burstTemplate.get() == null ? "" : burstTemplate.get(), count, every);
        BurstRun run = burst;
        bursting.set(true);
        burstStats.set(new BurstStats(0, count, 0, 0, 0, 0, 0, 0));
        run.start(client::send, () -> dispatcher.run(() -> {
            if (burst == run) {
                bursting.set(false);
                updateBurstStats();
            }
        }));
    }

    /** Stops sending; replies still on their way are counted when they come. */
    public void stopBurst() {
        if (burst != null) burst.stop();
        bursting.set(false);
        updateBurstStats();
    }

    private void updateBurstStats() {
        BurstRun run = burst;
        if (run == null) return;
        int n = roundTrips.count();
        burstStats.set(new BurstStats(run.sent(), run.count(), n, run.replyRate(n), roundTrips.percentile(0.5) / 1e6,
                roundTrips.percentile(0.9) / 1e6, roundTrips.percentile(0.99) / 1e6, roundTrips.max() / 1e6));
    }

    /** Matches this batch's replies to the burst's messages. */
    private void countRoundTrips(List<WsEvent> events) {
        BurstRun run = burst;
        if (run == null) return;
        List<Double> fresh = new ArrayList<>();
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Received r && !r.payload().isBinary()) {
                long rtt = run.replied(r.payload().text(), BurstRun.nanos(r.at()));
                if (rtt >= 0) {
                    roundTrips.add(rtt);
                    fresh.add(rtt / 1e6);
                }
            }
        }
        if (fresh.isEmpty()) return;
        // One change to the chart's list per batch, not one per reply.
        if (fresh.size() >= CHART_POINTS) {
            recentRoundTrips.setAll(fresh.subList(fresh.size() - CHART_POINTS, fresh.size()));
        } else {
            int overflow = recentRoundTrips.size() + fresh.size() - CHART_POINTS;
            if (overflow > 0) recentRoundTrips.remove(0, overflow);
            recentRoundTrips.addAll(fresh);
        }
        updateBurstStats();
    }

    /** Sends the message box cut into frames of the lab's fragment size. */
    public void sendFragmented() {
        int size;
        try {
            size = Integer.parseInt(fragmentSize.get().strip());
            if (size < 1) throw new NumberFormatException();
        } catch (RuntimeException e) {
            clientNotice.set(Notice.of("form.fragmentSize"));
            return;
        }
        Payload payload = readyToSend();
        if (payload == null) return;
        composer.remember(composer.textProperty().get());
        onClient(() -> client.sendFragmented(payload, size));
    }

    /** Pings with the lab's payload (UTF-8 of what is typed). */
    public void ping() {
        if (!checkOpen()) return;
        byte[] payload = Utf8.bytes(pingPayload.get() == null ? "" : pingPayload.get());
        onClient(() -> client.ping(payload));
    }

    /** Sends an unsolicited pong with the lab's payload (a heartbeat that needs no answer). */
    public void pong() {
        if (!checkOpen()) return;
        byte[] payload = Utf8.bytes(pingPayload.get() == null ? "" : pingPayload.get());
        onClient(() -> client.pong(payload));
    }

    /** Starts or stops pinging every {@code pingEvery} seconds. */
    public void togglePeriodicPing() {
        if (periodicPing != null) {
            stopPeriodicPing();
            return;
        }
        if (!checkOpen()) return;
        double seconds;
        try {
            seconds = Double.parseDouble(pingEvery.get().strip());
            if (!(seconds >= 0.05 && seconds <= 3600)) throw new NumberFormatException();
        } catch (RuntimeException e) {
            clientNotice.set(Notice.of("form.pingEvery"));
            return;
        }
        byte[] payload = Utf8.bytes(pingPayload.get() == null ? "" : pingPayload.get());
        long period = (long) (seconds * 1000);
        periodicPing = pingTimer.scheduleAtFixedRate(() -> io.execute(() -> {
            try {
                client.ping(payload);
            } catch (RuntimeException closed) {
                // the connection ended; the Closed event stops the timer
            }
        }), period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        pinging.set(true);
    }

    private void stopPeriodicPing() {
        if (periodicPing != null) periodicPing.cancel(false);
        periodicPing = null;
        pinging.set(false);
    }

    /**
     * Closes with the lab's code and reason. A code and reason a close frame may carry go through the
     * closing handshake; any other (999, 1005, 1006, a reason over 123 bytes, or no code at all when
     * the code box is empty) goes out as typed, to see what the server does.
     */
    public void closeWith() {
        if (!checkOpen()) return;
        Integer typed = typedCloseCode(closeCode.get());
        if (typed == null) {
            clientNotice.set(Notice.of("form.closeCode"));
            return;
        }
        int code = typed;
        String reason = closeReason.get() == null ? "" : closeReason.get();
        byte[] reasonBytes = Utf8.bytes(reason);
        boolean valid = code != CloseRequest.NO_CODE && new CloseRequest(code, reason).valid();
        clientState.set(ClientState.CLOSING);
        onClient(() -> {
            if (valid) client.close(code, reason);
            else client.closeRaw(code, reasonBytes);
        });
    }

    /**
     * A close code as typed in a lab: {@link CloseRequest#NO_CODE} when the box is empty (a close frame
     * without code), null when it is not a number that fits two bytes.
     */
    static Integer typedCloseCode(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return CloseRequest.NO_CODE;
        try {
            int code = Integer.parseInt(t);
            return code >= 0 && code <= 65535 ? code : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean checkOpen() {
        if (clientState.get() != ClientState.OPEN) {
            clientNotice.set(Notice.of("form.notOpen"));
            return false;
        }
        clientNotice.set(null);
        return true;
    }

    private Payload readyToSend() {
        if (!checkOpen()) return null;
        Composer.Encoded encoded = composer.encode();
        if (encoded instanceof Composer.Invalid bad) {
            clientNotice.set(bad.why());
            return null;
        }
        return ((Composer.Ready) encoded).payload();
    }

    /** Runs a client call off the UI thread; a connection that closed meanwhile becomes a notice. */
    private void onClient(Runnable call) {
        io.execute(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                dispatcher.run(() -> clientNotice.set(Notice.of("form.notOpen")));
            }
        });
    }

    public void clearClientLog() {
        clientLog.clear();
    }

    private void onClientEvents(List<WsEvent> all) {
        List<WsEvent> events = ConnectionModel.takeFrames(all, clientFrames, clientTotals, clientHandshake);
        for (WsEvent e : events) {
            if (e instanceof WsEvent.Opened) {
                clientState.set(ClientState.OPEN);
                refusedCertificate.set(null);
            } else if (e instanceof WsEvent.Failed f && offersTrust(f.problem())) {
                refusedCertificate.set(f.problem().detail());
            } else if (e instanceof WsEvent.Closed) {
                clientState.set(ClientState.DISCONNECTED);
                stopPeriodicPing();
                if (bursting.get()) stopBurst();
            }
        }
        countRoundTrips(events);
        clientLog.addAll(events);
    }

    // ---- wss://: trusting one certificate by its fingerprint ----

    /** Refusals a user may overrule by trusting that one certificate (not a wrong host: that is a real mismatch). */
    private static boolean offersTrust(dev.duplex.net.Problem p) {
        return (p.kind() == dev.duplex.net.Problem.Kind.TLS_UNKNOWN_ISSUER || p.kind() == dev.duplex.net.Problem.Kind.TLS_EXPIRED)
                && !p.detail().isEmpty();
    }

    /**
     * Trusts the certificate the server last showed and this tab refused, by its SHA-256 fingerprint, for
     * this tab's next connections. Every other certificate keeps the normal checks.
     */
    public void trustRefusedCertificate() {
        String fingerprint = refusedCertificate.get();
        if (fingerprint == null) return;
        trustedCertificates.add(dev.duplex.tls.Fingerprint.parse(fingerprint));
        client.trust(trustedCertificates);
        refusedCertificate.set(null);
        clientNotice.set(Notice.of("client.trusted", fingerprint));
    }

    // ================= properties =================

    /** The fingerprint of the certificate last refused in a way the user may overrule, or null. */
    public ReadOnlyStringProperty refusedCertificateProperty() { return refusedCertificate.getReadOnlyProperty(); }

    public StringProperty urlProperty() { return url; }
    public BooleanProperty sendOriginProperty() { return sendOrigin; }
    public StringProperty originProperty() { return origin; }
    public StringProperty messageProperty() { return composer.textProperty(); }
    public Composer composer() { return composer; }
    public StringProperty headersProperty() { return headers; }
    public StringProperty subprotocolsProperty() { return subprotocols; }
    public BooleanProperty deflateProperty() { return deflate; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty pingPayloadProperty() { return pingPayload; }
    public StringProperty pingEveryProperty() { return pingEvery; }
    public ReadOnlyBooleanProperty pingingProperty() { return pinging.getReadOnlyProperty(); }
    public BooleanProperty autoPongProperty() { return autoPong; }
    public StringProperty closeCodeProperty() { return closeCode; }
    public StringProperty closeReasonProperty() { return closeReason; }
    public StringProperty fragmentSizeProperty() { return fragmentSize; }
    public FrameTotals clientTotals() { return clientTotals; }
    public StringProperty burstTemplateProperty() { return burstTemplate; }
    public StringProperty connectionCollectionProperty() { return connectionCollection; }
    public StringProperty connectionNameProperty() { return connectionName; }
    public StringProperty burstCountProperty() { return burstCount; }
    public StringProperty burstEveryProperty() { return burstEvery; }
    public ReadOnlyBooleanProperty burstingProperty() { return bursting.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BurstStats> burstStatsProperty() { return burstStats.getReadOnlyProperty(); }
    public javafx.collections.ObservableList<Double> recentRoundTrips() { return recentRoundTrips; }
    public ReadOnlyObjectProperty<ClientState> clientStateProperty() { return clientState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> clientNoticeProperty() { return clientNotice.getReadOnlyProperty(); }
    public LogBuffer clientLog() { return clientLog; }
    public LogBuffer clientFrames() { return clientFrames; }
    public ReadOnlyObjectProperty<WsEvent.Handshake> clientHandshakeProperty() { return clientHandshake.getReadOnlyProperty(); }
}
