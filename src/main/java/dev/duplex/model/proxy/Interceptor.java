package dev.duplex.model.proxy;

import java.util.List;
import java.util.Objects;

import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.Payload;
import dev.duplex.net.proxy.Direction;
import dev.duplex.net.proxy.InterceptFilter;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyServer;
import dev.duplex.options.Checked;
import dev.duplex.options.CloseInput;
import dev.duplex.options.FieldProblem;
import dev.duplex.options.ProxyInput;
import dev.duplex.protocol.CloseRequest;
import dev.duplex.protocol.JsonText;
import dev.duplex.protocol.MessageMode;
import dev.duplex.protocol.PayloadCodec;
import dev.duplex.protocol.Utf8;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A person's hand in the proxy: which messages to pause on, the queue of those held (oldest first), the
 * selected one edited as text, JSON or hex and then forwarded or dropped, Forward all, injecting a message
 * into the selected pair and closing one of its legs. The engine's calls run off the FX thread; their
 * outcome comes back as the proxy's events. FX thread only.
 */
public final class Interceptor {
    /** Pause on nothing, on everything, or on what the chosen ways, kinds and expression say. */
    public enum Pause { OFF, ALL, CHOSEN }

    /** The most held messages listed; more stay held in the engine and go with Forward all. */
    public static final int MAX_SHOWN = 1_000;

    private final ProxyServer server;
    private final Background io;
    private final ObjectProperty<Pause> pause = new SimpleObjectProperty<>(this, "pause", Pause.OFF);
    private final BooleanProperty up = new SimpleBooleanProperty(this, "up", true);
    private final BooleanProperty down = new SimpleBooleanProperty(this, "down", true);
    private final BooleanProperty text = new SimpleBooleanProperty(this, "text", true);
    private final BooleanProperty binary = new SimpleBooleanProperty(this, "binary", true);
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final ReadOnlyObjectWrapper<FieldProblem> pauseProblem = new ReadOnlyObjectWrapper<>(this, "pauseProblem");
    private final ObservableList<HeldMessage> held = FXCollections.observableArrayList();
    private final ObservableList<HeldMessage> readOnlyHeld = FXCollections.unmodifiableObservableList(held);
    private final ReadOnlyIntegerWrapper heldCount = new ReadOnlyIntegerWrapper(this, "heldCount");
    private final ObjectProperty<HeldMessage> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<MessageMode> editMode = new SimpleObjectProperty<>(this, "editMode", MessageMode.TEXT);
    private final StringProperty editText = new SimpleStringProperty(this, "editText", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObjectProperty<Direction> injectToward = new SimpleObjectProperty<>(this, "injectToward", Direction.UP);
    private final BooleanProperty injectHex = new SimpleBooleanProperty(this, "injectHex");
    private final StringProperty injectText = new SimpleStringProperty(this, "injectText", "");
    private final ObjectProperty<Leg> closeLeg = new SimpleObjectProperty<>(this, "closeLeg", Leg.UPSTREAM);
    private final StringProperty closeCode = new SimpleStringProperty(this, "closeCode", "1000");
    private final StringProperty closeReason = new SimpleStringProperty(this, "closeReason", "");
    /** The editor's text as it was shown for the selected message: unchanged, the message goes on as it came. */
    private String shownText = "";
    /** How many messages each pair holds now, listed or not: what {@link #heldCount} adds up. */
    private final java.util.Map<Integer, Integer> heldPerPair = new java.util.HashMap<>();
    /** Set while a held message is put in the editor: its mode and text are then set, not converted. */
    private boolean showing;

    Interceptor(ProxyServer server, Background io) {
        this.server = server;
        this.io = io;
        for (var p : List.of(pause, up, down, text, binary, pattern)) p.addListener((o, a, b) -> applyPause());
        selected.addListener((o, was, now) -> showInEditor(now));
        editMode.addListener((o, was, now) -> {
            if (!showing) convert(was, now);
        });
    }

    /** Sets the engine's filter from the Pause fields; an expression that does not compile is said, the filter kept. */
    public void applyPause() {
        InterceptFilter filter = switch (pause.get()) {
            case OFF -> InterceptFilter.NONE;
            case ALL -> InterceptFilter.ALL;
            case CHOSEN -> {
                Checked<InterceptFilter> f = ProxyInput.pauseOn(up.get(), down.get(), text.get(), binary.get(), pattern.get());
                pauseProblem.set(f.problem());
                yield f.isOk() ? f.value() : null;
            }
        };
        if (pause.get() != Pause.CHOSEN) pauseProblem.set(null);
        if (filter != null) io.run(() -> server.intercept(filter));
    }

    /** Sends the selected held message on: as it came when the editor was not changed, else as edited. */
    public void forward() {
        HeldMessage m = selected.get();
        if (m == null) return;
        Payload payload;
        if (Objects.equals(editText.get(), shownText)) {
            payload = m.payload();
        } else {
            payload = edited();
            if (payload == null) return;
        }
        decided(m, () -> server.forward(m.id(), payload));
    }

    public void drop() {
        HeldMessage m = selected.get();
        if (m != null) decided(m, () -> server.drop(m.id()));
    }

    /** Sends every held message on as it is. */
    public void forwardAll() {
        clear();
        io.run(server::releaseAll);
    }

    /** Lays the editor's JSON out, two spaces an indent; text that is not JSON is left, and said. */
    public void prettyJson() {
        JsonText.Check check = JsonText.validate(editText.get());
        if (!check.ok()) notice.set(Notice.of(check.key(), check.args()));
        else JsonText.pretty(editText.get()).ifPresent(editText::set);
    }

    /** Sends the inject field's text (or hex bytes) into {@code pair}, toward the server or the client. */
    public void inject(ProxyPair pair) {
        if (pair == null) return;
        Payload payload = encode(injectHex.get() ? MessageMode.HEX : MessageMode.TEXT, injectText.get());
        if (payload == null) return;
        int n = pair.number();
        Direction toward = injectToward.get();
        notice.set(null);
        io.run(() -> {
            if (!server.inject(n, toward, payload)) io.onFx(() -> notice.set(Notice.of("proxy.hand.notOpen", n)));
        });
    }

    /** Closes one leg of {@code pair} with the code and reason typed; the other leg follows. */
    public void closeLeg(ProxyPair pair) {
        if (pair == null) return;
        Checked<CloseRequest> close = new CloseInput(closeCode.get(), closeReason.get()).request();
        if (!close.isOk()) {
            notice.set(Notice.of(close.problem()));
            return;
        }
        int n = pair.number();
        Leg leg = closeLeg.get();
        CloseRequest c = close.value();
        notice.set(null);
        io.run(() -> {
            if (!server.closeLeg(n, leg, c.code(), c.reason())) io.onFx(() -> notice.set(Notice.of("proxy.hand.notOpen", n)));
        });
    }

    void onHeld(List<HeldMessage> batch) {
        for (HeldMessage m : batch) heldPerPair.merge(m.pair(), 1, Integer::sum);
        heldCount.set(heldCount.get() + batch.size());
        int room = MAX_SHOWN - held.size();
        if (room > 0) held.addAll(batch.size() <= room ? batch : batch.subList(0, room));
        if (selected.get() == null && !held.isEmpty()) selected.set(held.get(0));
    }

    /** A pair closed: what it held will never go. */
    void pairOver(int pair) {
        held.removeIf(m -> m.pair() == pair);
        Integer had = heldPerPair.remove(pair);
        if (had != null) heldCount.set(heldCount.get() - had);
        if (selected.get() != null && selected.get().pair() == pair) selectFirst();
    }

    /** The proxy stopped: nothing is held any more. */
    void clear() {
        held.clear();
        heldPerPair.clear();
        heldCount.set(0);
        selected.set(null);
    }

    private void decided(HeldMessage m, java.util.function.BooleanSupplier call) {
        held.remove(m);
        if (heldPerPair.computeIfPresent(m.pair(), (k, n) -> n > 1 ? n - 1 : null) == null) heldPerPair.remove(m.pair());
        heldCount.set(heldPerPair.values().stream().mapToInt(Integer::intValue).sum());
        selectFirst();
        notice.set(null);
        io.run(() -> {
            if (!call.getAsBoolean()) io.onFx(() -> notice.set(Notice.of("proxy.held.gone", m.pair())));
        });
    }

    private void selectFirst() {
        selected.set(held.isEmpty() ? null : held.get(0));
    }

    private void showInEditor(HeldMessage m) {
        notice.set(null);
        if (m == null) {
            shownText = "";
            editText.set("");
            return;
        }
        Payload p = m.payload();
        MessageMode mode = p.isBinary() ? MessageMode.HEX : JsonText.validate(p.text()).ok() ? MessageMode.JSON : MessageMode.TEXT;
        showing = true;
        editMode.set(mode);
        showing = false;
        // JSON is shown laid out; left alone, it still goes on as it came, not laid out.
        shownText = p.isBinary() ? PayloadCodec.hex(p.bytes())
                : mode == MessageMode.JSON ? JsonText.pretty(p.text()).orElse(p.text()) : p.text();
        editText.set(shownText);
    }

    /**
     * The editor's text in the mode chosen now: text as its UTF-8 bytes in hex, hex bytes back as text when
     * they are UTF-8 (else left, and said). Between text and JSON the text stays as it is.
     */
    private void convert(MessageMode was, MessageMode now) {
        boolean wasHex = was == MessageMode.HEX;
        boolean nowHex = now == MessageMode.HEX;
        if (wasHex == nowHex) return;
        String t = Objects.requireNonNullElse(editText.get(), "");
        if (nowHex) {
            editText.set(PayloadCodec.hex(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        try {
            String text = Utf8.decodeOrNull(PayloadCodec.parseHex(t));
            if (text == null) notice.set(Notice.of("proxy.edit.notUtf8"));
            else editText.set(text);
        } catch (PayloadCodec.FormatException e) {
            notice.set(new Notice(e.key(), e.args()));
        }
    }

    /** The editor's message: text, JSON (checked) or hex bytes; null after saying why it cannot go. */
    private Payload edited() {
        return encode(editMode.get(), editText.get());
    }

    private Payload encode(MessageMode mode, String typed) {
        String t = Objects.requireNonNullElse(typed, "");
        try {
            switch (mode) {
                case JSON -> {
                    JsonText.Check check = JsonText.validate(t);
                    if (!check.ok()) {
                        notice.set(Notice.of(check.key(), check.args()));
                        return null;
                    }
                    return Payload.text(t);
                }
                case HEX -> {
                    return Payload.binary(PayloadCodec.parseHex(t));
                }
                case BASE64 -> {
                    return Payload.binary(PayloadCodec.parseBase64(t));
                }
                default -> {
                    return Payload.text(t);
                }
            }
        } catch (PayloadCodec.FormatException e) {
            notice.set(new Notice(e.key(), e.args()));
            return null;
        }
    }

    public ObjectProperty<Pause> pauseProperty() { return pause; }
    public BooleanProperty upProperty() { return up; }
    public BooleanProperty downProperty() { return down; }
    public BooleanProperty textProperty() { return text; }
    public BooleanProperty binaryProperty() { return binary; }
    /** A regular expression a text must contain to be held; blank: every text. */
    public StringProperty patternProperty() { return pattern; }
    public ReadOnlyObjectProperty<FieldProblem> pauseProblemProperty() { return pauseProblem.getReadOnlyProperty(); }
    /** The held messages listed, oldest first (at most {@link #MAX_SHOWN}); read-only. */
    public ObservableList<HeldMessage> held() { return readOnlyHeld; }
    /** How many messages are held now, listed or not. */
    public ReadOnlyIntegerProperty heldCountProperty() { return heldCount.getReadOnlyProperty(); }
    public ObjectProperty<HeldMessage> selectedProperty() { return selected; }
    public ObjectProperty<MessageMode> editModeProperty() { return editMode; }
    public StringProperty editTextProperty() { return editText; }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ObjectProperty<Direction> injectTowardProperty() { return injectToward; }
    /** Whether the inject field holds hex bytes (a binary message) rather than text. */
    public BooleanProperty injectHexProperty() { return injectHex; }
    public StringProperty injectTextProperty() { return injectText; }
    public ObjectProperty<Leg> closeLegProperty() { return closeLeg; }
    public StringProperty closeCodeProperty() { return closeCode; }
    public StringProperty closeReasonProperty() { return closeReason; }
}
