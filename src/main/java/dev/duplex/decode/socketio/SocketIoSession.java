package dev.duplex.decode.socketio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.Decoded;
import dev.duplex.decode.Json;
import dev.duplex.net.Payload;

/**
 * Socket.IO v4 over Engine.IO v4's websocket-only transport, as a client: after the server's Engine.IO open
 * it joins the default namespace ({@code 40}), answers each Engine.IO ping with a pong unless the heartbeat is
 * switched off (to see the server's timeout), collects the binary attachments of a BINARY_EVENT or
 * BINARY_ACK, pairs each ACK with the emit that asked for it (and its round trip), and composes {@code /emit},
 * {@code /join}, {@code /leave} and {@code /ack}.
 */
public final class SocketIoSession implements AppProtocol {
    static final String NAME = "socket.io";

    private record Pending(String event, String namespace, long sentNanos) { }

    private final boolean heartbeat;
    private final boolean engine3;
    /** Engine.IO v3: the open packet's ping interval (0 until it came), and our last ping's time (-1: none out). */
    private long pingIntervalMs;
    private long lastPingNanos;
    private long pingOutNanos = -1;
    private final Object lock = new Object();
    /** Emits that asked for an ack, by ack id. */
    private final Map<Long, Pending> pending = new HashMap<>();
    /** The server's emits that asked us for an ack: their namespace, by ack id. */
    private final Map<Long, String> asked = new HashMap<>();
    private long nextAckId;
    /** A binary packet still waiting for attachments, and those come so far. */
    private SocketIoPacket waiting;
    private final List<Integer> attachmentSizes = new ArrayList<>();
    /** Whether the server said the default namespace is joined; before it, socket.io ends a session that emits. */
    private boolean joined;
    /** What commands typed before the join would have sent: it goes once the server says the namespace is joined. */
    private final List<Payload> held = new ArrayList<>();

    /** @param heartbeat whether Engine.IO pings are answered by Duplex itself */
    public SocketIoSession(boolean heartbeat) {
        this(heartbeat, false);
    }

    /**
     * @param engine3 Engine.IO v3 (Socket.IO 2, {@code EIO=3}): the client pings, every ping interval the open
     *     packet gives, and the server pongs; the server joins the client to the default namespace by itself;
     *     a binary message starts with the message packet's type byte
     */
    public SocketIoSession(boolean heartbeat, boolean engine3) {
        this.heartbeat = heartbeat;
        this.engine3 = engine3;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn opened(String subprotocol) {
        return Turn.say(); // the server speaks first, with its Engine.IO open packet
    }

    @Override
    public Turn received(Payload message) {
        synchronized (lock) {
            if (message.isBinary()) {
                byte[] b = message.bytes();
                return Turn.say(attachment(engine3 && b.length > 0 && b[0] == EnginePacket.MESSAGE ? b.length - 1 : b.length));
            }
            EnginePacket packet = EnginePacket.parse(message.text());
            if (packet == null) return Turn.say(Decoded.problem(NAME, "decode.sio.notEngineIo", clip(message.text())));
            return switch (packet.type()) {
                // Join the default namespace, as io() does (in Socket.IO 2 the server joins us by itself).
                case EnginePacket.OPEN -> engine3 ? Turn.say(opened3(packet.data()))
                        : new Turn(List.of(open(packet.data())),
                                List.of(Payload.text(String.valueOf(EnginePacket.MESSAGE) + SocketIoPacket.CONNECT)));
                case EnginePacket.PONG -> engine3 ? Turn.say(pong())
                        : Turn.say(Decoded.line(NAME, "decode.sio.engine", packet.typeName(), packet.data()));
                case EnginePacket.PING -> heartbeat
                        ? new Turn(List.of(Decoded.line(NAME, "decode.sio.ping")),
                                List.of(Payload.text(EnginePacket.PONG + packet.data())))
                        : Turn.say(Decoded.line(NAME, "decode.sio.pingUnanswered"));
                case EnginePacket.MESSAGE -> joinedNow(packet.data())
                        ? new Turn(List.of(socketIo(packet.data(), true)), release())
                        : Turn.say(socketIo(packet.data(), true));
                default -> Turn.say(Decoded.line(NAME, "decode.sio.engine", packet.typeName(), packet.data()));
            };
        }
    }

    @Override
    public List<Decoded> sent(Payload message) {
        synchronized (lock) {
            if (message.isBinary()) return List.of();
            EnginePacket packet = EnginePacket.parse(message.text());
            if (packet == null) return List.of(Decoded.problem(NAME, "decode.sio.notEngineIo", clip(message.text())));
            if (packet.type() == EnginePacket.MESSAGE) return List.of(socketIo(packet.data(), false));
            return List.of(Decoded.line(NAME, "decode.sio.engine", packet.typeName(), packet.data()));
        }
    }

    /** Engine.IO v3: a ping when the interval has passed since the last, unless the heartbeat is off. */
    @Override
    public Turn due(long nowNanos) {
        synchronized (lock) {
            // The clock ticks once a second: a ping up to a second early, never a tick late for the server's timeout.
            long dueMs = Math.max(0, pingIntervalMs - 1_000);
            if (!engine3 || !heartbeat || pingIntervalMs <= 0 || (nowNanos - lastPingNanos) / 1_000_000 < dueMs) {
                return Turn.say();
            }
            lastPingNanos = nowNanos;
            pingOutNanos = nowNanos;
            return new Turn(List.of(Decoded.line(NAME, "decode.sio.pingSent")), List.of(Payload.text(String.valueOf(EnginePacket.PING))));
        }
    }

    /** Engine.IO v3's open: its ping interval kept, for the client's pings. */
    private Decoded opened3(String json) {
        try {
            pingIntervalMs = Long.parseLong(Json.scalarFields(json).getOrDefault("pingInterval", "0"));
        } catch (Json.NotJson | NumberFormatException e) {
            pingIntervalMs = 0;
        }
        lastPingNanos = System.nanoTime();
        Decoded open = open(json);
        return open.key().equals("decode.sio.open")
                ? Decoded.line(NAME, "decode.sio.open3", open.args().toArray()) : open;
    }

    private Decoded pong() {
        if (pingOutNanos < 0) return Decoded.line(NAME, "decode.sio.pongUnasked");
        double ms = (System.nanoTime() - pingOutNanos) / 1e6;
        pingOutNanos = -1;
        return Decoded.line(NAME, "decode.sio.pong", String.format(java.util.Locale.ROOT, "%.1f", ms));
    }

    @Override
    public boolean awaiting() {
        synchronized (lock) {
            return !pending.isEmpty() || waiting != null || !held.isEmpty();
        }
    }

    @Override
    public Turn command(String name, String rest) {
        synchronized (lock) {
            Turn turn = typed(name, rest);
            if (turn == null || joined || turn.replies().isEmpty()) return turn;
            held.addAll(turn.replies());
            List<Decoded> lines = new ArrayList<>(turn.lines());
            lines.add(Decoded.line(NAME, "decode.sio.held"));
            return new Turn(lines, List.of());
        }
    }

    /** Whether this packet is the server's answer that the default namespace is joined, the first time. */
    private boolean joinedNow(String data) {
        if (joined) return false;
        try {
            SocketIoPacket p = SocketIoPacket.parse(data);
            joined = p.type() == SocketIoPacket.CONNECT && p.namespace().equals("/");
        } catch (SocketIoPacket.Malformed e) {
            return false;
        }
        return joined;
    }

    private List<Payload> release() {
        List<Payload> out = List.copyOf(held);
        held.clear();
        return out;
    }

    private Turn typed(String name, String rest) {
        return switch (name) {
            case "emit" -> SocketIoCommands.emit(rest, this::reserveAck, engine3);
            case "join" -> SocketIoCommands.join(rest);
            case "leave" -> SocketIoCommands.leave(rest);
            case "ack" -> SocketIoCommands.ack(rest, asked::get);
            default -> null;
        };
    }

    /** The next ack id, kept with what asked for it so that its ACK can be paired. */
    private long reserveAck(String event, String namespace) {
        long id = nextAckId++;
        pending.put(id, new Pending(event, namespace, System.nanoTime()));
        return id;
    }

    private Decoded open(String json) {
        try {
            Map<String, String> f = Json.scalarFields(json);
            return Decoded.line(NAME, "decode.sio.open", f.getOrDefault("sid", "?"),
                    f.getOrDefault("pingInterval", "?"), f.getOrDefault("pingTimeout", "?"));
        } catch (Json.NotJson e) {
            return Decoded.problem(NAME, "decode.sio.badJson", "open", e.getMessage());
        }
    }

    private Decoded socketIo(String data, boolean inbound) {
        SocketIoPacket p;
        try {
            p = SocketIoPacket.parse(data);
        } catch (SocketIoPacket.Malformed e) {
            return Decoded.problem(NAME, "decode.sio.notSocketIo", e.getMessage(), clip(data));
        }
        String ns = p.namespace();
        return switch (p.type()) {
            case SocketIoPacket.CONNECT -> Decoded.line(NAME, inbound ? "decode.sio.connected" : "decode.sio.connect",
                    ns, p.json());
            case SocketIoPacket.DISCONNECT -> Decoded.line(NAME, "decode.sio.disconnect", ns);
            case SocketIoPacket.CONNECT_ERROR -> Decoded.problem(NAME, "decode.sio.connectError", ns, p.json());
            case SocketIoPacket.EVENT, SocketIoPacket.ACK -> inbound && p.ackId() >= 0 && p.type() == SocketIoPacket.ACK
                    ? ackReceived(p, List.of()) : event(p, inbound, List.of());
            default -> {
                if (!inbound) yield Decoded.line(NAME, "decode.sio.binarySent", p.typeName(), ns, p.attachments());
                waiting = p;
                attachmentSizes.clear();
                yield p.attachments() == 0 ? complete() : Decoded.line(NAME, "decode.sio.binaryWaiting",
                        p.typeName(), ns, p.attachments());
            }
        };
    }

    private Decoded event(SocketIoPacket p, boolean inbound, List<Integer> attachments) {
        List<String> args;
        try {
            args = Json.arrayElements(p.json());
        } catch (Json.NotJson e) {
            return Decoded.problem(NAME, "decode.sio.badJson", p.typeName(), e.getMessage());
        }
        if (p.type() == SocketIoPacket.ACK || p.type() == SocketIoPacket.BINARY_ACK) {
            return Decoded.line(NAME, "decode.sio.ackSent", p.ackId(), p.namespace(), String.join(", ", args));
        }
        String event = args.isEmpty() ? null : Json.unquote(args.get(0));
        if (event == null) return Decoded.problem(NAME, "decode.sio.noEventName", clip(p.json()));
        if (inbound && p.ackId() >= 0) asked.put(p.ackId(), p.namespace());
        String rest = String.join(", ", args.subList(1, args.size()));
        Decoded ack = p.ackId() >= 0 ? Decoded.part("decode.sio.withAck", p.ackId()) : Decoded.none();
        return Decoded.line(NAME, inbound ? "decode.sio.event" : "decode.sio.emit", event, p.namespace(), rest, ack,
                sizes(attachments));
    }

    private Decoded ackReceived(SocketIoPacket p, List<Integer> attachments) {
        List<String> args;
        try {
            args = Json.arrayElements(p.json());
        } catch (Json.NotJson e) {
            return Decoded.problem(NAME, "decode.sio.badJson", p.typeName(), e.getMessage());
        }
        Pending asked = pending.remove(p.ackId());
        if (asked == null) {
            return Decoded.problem(NAME, "decode.sio.ackUnknown", p.ackId(), p.namespace(), String.join(", ", args));
        }
        double ms = (System.nanoTime() - asked.sentNanos()) / 1e6;
        return Decoded.line(NAME, "decode.sio.ack", p.ackId(), asked.event(), String.join(", ", args),
                String.format(java.util.Locale.ROOT, "%.3f", ms), sizes(attachments));
    }

    private Decoded attachment(int size) {
        if (waiting == null) return Decoded.line(NAME, "decode.sio.binaryAlone", size);
        attachmentSizes.add(size);
        if (attachmentSizes.size() < waiting.attachments()) {
            return Decoded.line(NAME, "decode.sio.attachment", attachmentSizes.size(), waiting.attachments(), size);
        }
        return complete();
    }

    /** The binary packet with all its attachments in, said as the event or ack it is. */
    private Decoded complete() {
        SocketIoPacket p = waiting;
        List<Integer> sizes = List.copyOf(attachmentSizes);
        waiting = null;
        attachmentSizes.clear();
        return p.type() == SocketIoPacket.BINARY_ACK && pending.containsKey(p.ackId()) ? ackReceived(p, sizes)
                : event(p, true, sizes);
    }

    private static Decoded sizes(List<Integer> attachments) {
        if (attachments.isEmpty()) return Decoded.none();
        StringBuilder b = new StringBuilder();
        for (int s : attachments) b.append(b.length() == 0 ? "" : ", ").append(s).append(" B");
        return Decoded.part("decode.sio.withAttachments", b.toString());
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
