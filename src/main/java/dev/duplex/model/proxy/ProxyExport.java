package dev.duplex.model.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.ConversationFile;
import dev.duplex.conversation.HarFormat;
import dev.duplex.conversation.JsonLinesFormat;
import dev.duplex.files.AtomicFiles;
import dev.duplex.model.Background;
import dev.duplex.model.Notice;
import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyEvent;

/**
 * A pair saved as a conversation file, JSON Lines or HAR by the file's name, written atomically off the FX
 * thread. What is saved is the server leg (Duplex ⇄ server), where Duplex was the client: its handshake, its
 * frames as the tap saw them (inbound is from the server) and how it closed. That is the conversation a
 * client had with the server, the same as {@code connect --save} writes, so {@code duplex replay} can play
 * it against the server again.
 */
final class ProxyExport {
    private final Background io;
    private final Consumer<Notice> notice;

    ProxyExport(Background io, Consumer<Notice> notice) {
        this.io = io;
        this.notice = notice;
    }

    /** Saves the pair's server leg; its secrets (the client's Authorization, cookies, tokens) masked, as every file is by default. */
    void save(ProxyPair pair, Path file) {
        Conversation whole = pair == null ? null : conversation(pair);
        Conversation c = whole == null ? null : dev.duplex.secrets.Masking.MASKED.conversation(whole);
        if (c == null) {
            notice.accept(Notice.of("file.nothing"));
            return;
        }
        boolean har = ConversationFile.isHar(file);
        String name = file.getFileName().toString();
        Notice done = Notice.of("proxy.exported", pair.number(), c.frames().size(), name);
        io.call(() -> {
            AtomicFiles.write(file, out -> {
                if (har) HarFormat.write(c, out);
                else JsonLinesFormat.write(c, out);
            });
            return done;
        }, notice, e -> notice.accept(Notice.of("file.cannotWrite", name, String.valueOf(e.getMessage()))));
    }

    /** Saves a pair's log as the pane shows it, a line each. */
    void saveText(Path file, List<String> lines) {
        String name = file.getFileName().toString();
        io.call(() -> {
            AtomicFiles.write(file, AtomicFiles.lines(lines));
            return Notice.of("file.savedLog", lines.size(), name);
        }, notice, e -> notice.accept(Notice.of("file.cannotWrite", name, String.valueOf(e.getMessage()))));
    }

    /** The server leg as it stands (the newest frames, up to the log limit); null when nothing crossed it. */
    static Conversation conversation(ProxyPair pair) {
        WsEvent.Handshake h = pair.upstreamWire().handshakeProperty().get();
        List<Conversation.Frame> frames = new ArrayList<>();
        for (WsEvent e : pair.upstreamWire().frames().events()) frames.add(Conversation.Frame.of((WsEvent.Frame) e));
        if (h == null && frames.isEmpty()) return null;
        return new Conversation(pair.upstream(), h == null ? null : new Conversation.Handshake(h.at(), h.record()),
                frames, close(pair.closed()));
    }

    /** How the server leg ended: the server's own close, or the one Duplex passed up in the client's place. */
    private static Conversation.Close close(ProxyEvent.Closed c) {
        if (c == null) return null;
        boolean byServer = c.first() == Leg.UPSTREAM;
        int code = byServer ? c.code() : c.passedCode();
        String reason = byServer ? c.reason() : c.passedReason();
        return new Conversation.Close(c.at(), code, reason == null ? "" : reason, code != 1006, byServer);
    }
}
