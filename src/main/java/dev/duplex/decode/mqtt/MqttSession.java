package dev.duplex.decode.mqtt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;

/**
 * MQTT over WebSocket as a client, 3.1.1 ({@code mqtt}, protocol level 4) or 5 ({@code mqtt5}, level 5): it
 * sends CONNECT on open, keeps the connection alive with PINGREQ, answers the server's QoS 1 and 2 publishes
 * (PUBACK; PUBREC, then PUBCOMP for its PUBREL), carries our QoS 2 publishes through PUBREL, pairs each ack
 * with the packet of ours it answers (with the round trip), and composes {@code /subscribe}, {@code /unsubscribe},
 * {@code /publish} and {@code /disconnect}. Commands typed before the server's CONNACK are held until it
 * accepts, because a refused connection is closed by the server and what was sent with it would be lost
 * without a word.
 */
public final class MqttSession implements AppProtocol {
    public static final String NAME = "mqtt";
    public static final String NAME_5 = "mqtt5";
    /** The subprotocol MQTT over WebSocket uses, for both versions (MQTT 5 section 6, 3.1.1 section 6). */
    public static final List<String> SUBPROTOCOLS = List.of("mqtt");
    /** Seconds of keep-alive, when set: tests shorten it to see PINGREQ without waiting 45 s. */
    public static final String KEEP_ALIVE_PROPERTY = "duplex.mqtt.keepAlive";
    static final int DEFAULT_KEEP_ALIVE = 60;

    /** A packet of ours waiting for its answer: what it was about, when it went, and for QoS 2 how far it got. */
    private record Pending(int type, String about, int qos, long sentNanos, boolean released) { }

    private final String name;
    private final int level;
    private final boolean heartbeat;
    private final MqttWriter writer;
    private final MqttLines lines;
    private final MqttFramer framer = new MqttFramer();
    private final Object lock = new Object();
    private final String clientId = "duplex-" + HexFormat.of().formatHex(randomBytes());
    /** Our PUBLISH, SUBSCRIBE and UNSUBSCRIBE waiting for their acks, by packet id. */
    private final Map<Integer, Pending> pending = new HashMap<>();
    /** The server's QoS 2 publishes we answered with PUBREC, until their PUBREL. */
    private final Set<Integer> received2 = new HashSet<>();
    /** What typed commands would have sent before the CONNACK: it goes once the server accepts. */
    private final List<Payload> held = new ArrayList<>();
    private int keepAlive;
    private final java.util.Optional<dev.duplex.decode.AppLogin> login;
    /** The last will in CONNECT, if one was given. */
    private final java.util.Optional<MqttCommand> will;
    private int nextId = 1;
    private boolean connectSent;
    private boolean accepted;
    private boolean over;
    /** Whether we sent DISCONNECT: the connection's end that follows is the one asked for. */
    private boolean disconnected;
    private long lastSentNanos;
    private long pingSentNanos = -1;

    /**
     * @param version5 MQTT 5 rather than 3.1.1
     * @param heartbeat whether Duplex keeps the connection alive with PINGREQ; without it the keep-alive is 0,
     *     which tells the server not to expect any
     */
    public MqttSession(boolean version5, boolean heartbeat) {
        this(version5, heartbeat, java.util.Optional.empty());
    }

    /** @param login sent in CONNECT as the user name and password; without it the connection is anonymous */
    public MqttSession(boolean version5, boolean heartbeat, java.util.Optional<dev.duplex.decode.AppLogin> login) {
        this(version5, heartbeat, login, "");
    }

    /**
     * @param will the last will, typed as a /publish is ({@code [qos=0|1|2] [retain] TOPIC MESSAGE}), or "" for
     *     none: the broker publishes it if the connection ends without our DISCONNECT
     */
    public MqttSession(boolean version5, boolean heartbeat, java.util.Optional<dev.duplex.decode.AppLogin> login,
            String will) {
        this.will = will == null || will.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(MqttCommand.parse(MqttCommand.PUBLISH, will));
        this.login = login;
        this.name = version5 ? NAME_5 : NAME;
        this.level = version5 ? 5 : 4;
        this.heartbeat = heartbeat;
        this.writer = new MqttWriter(level);
        this.lines = new MqttLines(name, level);
        // Two bytes on the wire: a value out of 0 to 65535 would be sent as another.
        int asked = Integer.getInteger(KEEP_ALIVE_PROPERTY, DEFAULT_KEEP_ALIVE);
        this.keepAlive = heartbeat ? Math.max(0, Math.min(65535, asked)) : 0;
    }

    /** Whether {@code typed} reads as a last will ({@code [qos=0|1|2] [retain] TOPIC MESSAGE}); blank is none, and reads. */
    public static boolean willReads(String typed) {
        return typed == null || typed.isBlank() || MqttCommand.parse(MqttCommand.PUBLISH, typed) != null;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Turn opened(String subprotocol) {
        synchronized (lock) {
            connectSent = true;
            lastSentNanos = System.nanoTime();
            List<Decoded> said = Turn.unanswered(name, subprotocol, SUBPROTOCOLS, "MQTT");
            return new Turn(said, List.of(writer.connect(clientId, keepAlive, login, will)));
        }
    }

    @Override
    public Turn received(Payload message) {
        synchronized (lock) {
            if (!message.isBinary()) return Turn.say(Decoded.problem(name, "decode.mqtt.text", message.text()));
            MqttFramer.Split split = framer.feed(message.bytes());
            boolean wasOver = over;
            List<Decoded> said = new ArrayList<>();
            List<Payload> replies = new ArrayList<>();
            for (MqttFramer.Packet raw : split.packets()) {
                try {
                    answer(MqttReader.read(raw, level), said, replies);
                } catch (MqttReader.Malformed e) {
                    said.add(Decoded.problem(name, "decode.mqtt.malformed", MqttCodes.type(raw.type()), e.reason()));
                } catch (RuntimeException e) {
                    // Never out of received: a mistake of ours must not end the connection's thread.
                    said.add(Decoded.problem(name, "decode.mqtt.malformed", MqttCodes.type(raw.type()), String.valueOf(e)));
                }
            }
            if (split.malformed() != null) {
                said.add(Decoded.problem(name, "decode.mqtt.unframed",
                        Decoded.part(split.malformed(), MqttLines.num(split.needed()))));
            } else if (split.waiting() > 0) {
                said.add(split.needed() < 0 ? Decoded.line(name, "decode.mqtt.partialLength", MqttLines.num(split.waiting()))
                        : Decoded.line(name, "decode.mqtt.partial", MqttLines.num(split.waiting()), MqttLines.num(split.needed())));
            }
            // After our DISCONNECT the server closes the connection: an ack sent then would only fail.
            return new Turn(said, wasOver ? List.of() : replies);
        }
    }

    /** The line of one packet from the server, and what the protocol answers by itself. */
    private void answer(MqttPacket p, List<Decoded> said, List<Payload> replies) {
        switch (p.type()) {
            case MqttCodes.CONNACK -> {
                said.add(lines.connack(p));
                if (lines.refused(p)) {
                    over = true;
                    if (!held.isEmpty()) said.add(Decoded.problem(name, "decode.mqtt.dropped", MqttLines.num(held.size())));
                    held.clear();
                } else {
                    accepted = true;
                    // MQTT 5 section 3.2.2.3.14: the server's keep-alive replaces the one we asked for.
                    if (p.serverKeepAlive() >= 0 && heartbeat) keepAlive = p.serverKeepAlive();
                    replies.addAll(held);
                    held.clear();
                }
            }
            case MqttCodes.PUBLISH -> {
                said.add(lines.describe(p));
                if (p.qos() == 1) replies.add(writer.ack(MqttCodes.PUBACK, p.packetId()));
                if (p.qos() == 2) {
                    received2.add(p.packetId());
                    replies.add(writer.ack(MqttCodes.PUBREC, p.packetId()));
                }
            }
            case MqttCodes.PUBREL -> {
                // Answered even when unknown: the server resends PUBREL until it gets a PUBCOMP.
                received2.remove(p.packetId());
                said.add(lines.describe(p));
                replies.add(writer.ack(MqttCodes.PUBCOMP, p.packetId()));
            }
            case MqttCodes.PUBACK, MqttCodes.PUBREC, MqttCodes.PUBCOMP -> ackOfPublish(p, said, replies);
            case MqttCodes.SUBACK, MqttCodes.UNSUBACK -> {
                Pending sub = pending.get(p.packetId());
                int asked = p.type() == MqttCodes.SUBACK ? MqttCodes.SUBSCRIBE : MqttCodes.UNSUBSCRIBE;
                if (sub == null || sub.type() != asked) {
                    said.add(lines.unknownId(p));
                } else {
                    pending.remove(p.packetId());
                    said.add(lines.subackOfOurs(p, sub.about(), sub.sentNanos()));
                }
            }
            case MqttCodes.PINGRESP -> {
                said.add(lines.pingresp(pingSentNanos));
                pingSentNanos = -1;
            }
            case MqttCodes.DISCONNECT -> {
                over = true;
                said.add(lines.describe(p));
            }
            default -> said.add(lines.describe(p));
        }
    }

    /** PUBACK ends a QoS 1 publish; PUBREC is answered with PUBREL, and PUBCOMP ends a QoS 2 one. */
    private void ackOfPublish(MqttPacket p, List<Decoded> said, List<Payload> replies) {
        Pending pub = pending.get(p.packetId());
        boolean fits = pub != null && pub.type() == MqttCodes.PUBLISH && switch (p.type()) {
            case MqttCodes.PUBACK -> pub.qos() == 1;
            case MqttCodes.PUBREC -> pub.qos() == 2 && !pub.released();
            default -> pub.qos() == 2 && pub.released();
        };
        if (!fits) {
            said.add(lines.unknownId(p));
            // A PUBREC resent for a PUBLISH already released still wants its PUBREL (MQTT 5 section 4.3.3).
            if (p.type() == MqttCodes.PUBREC && pub != null && pub.released()) replies.add(writer.ack(MqttCodes.PUBREL, p.packetId()));
            return;
        }
        said.add(lines.ackOfOurs(p, pub.about(), pub.sentNanos()));
        // MQTT 5 section 4.3.3: a PUBREC with a refusal ends the exchange, with no PUBREL.
        if (p.type() == MqttCodes.PUBREC && !MqttLines.failed(p)) {
            pending.put(p.packetId(), new Pending(pub.type(), pub.about(), pub.qos(), pub.sentNanos(), true));
            replies.add(writer.ack(MqttCodes.PUBREL, p.packetId()));
        } else {
            pending.remove(p.packetId());
        }
    }

    @Override
    public List<Decoded> sent(Payload message) {
        synchronized (lock) {
            lastSentNanos = System.nanoTime();
            if (!message.isBinary()) return List.of(Decoded.problem(name, "decode.mqtt.text", message.text()));
            // Each message we send is read alone: ours are whole packets, and a typed one is shown as it is.
            MqttFramer.Split split = new MqttFramer().feed(message.bytes());
            List<Decoded> said = new ArrayList<>();
            for (MqttFramer.Packet raw : split.packets()) {
                try {
                    said.add(lines.describe(MqttReader.read(raw, level)));
                } catch (MqttReader.Malformed e) {
                    said.add(Decoded.problem(name, "decode.mqtt.malformed", MqttCodes.type(raw.type()), e.reason()));
                } catch (RuntimeException e) {
                    said.add(Decoded.problem(name, "decode.mqtt.malformed", MqttCodes.type(raw.type()), String.valueOf(e)));
                }
            }
            if (split.malformed() != null) {
                said.add(Decoded.problem(name, "decode.mqtt.unframed", Decoded.part(split.malformed(), MqttLines.num(split.needed()))));
            } else if (split.waiting() > 0) {
                said.add(Decoded.problem(name, "decode.mqtt.unframed", Decoded.part("decode.mqtt.bad.short", "packet")));
            }
            return said;
        }
    }

    @Override
    public boolean awaiting() {
        synchronized (lock) {
            if (over) return false;
            return (connectSent && !accepted) || !pending.isEmpty() || !held.isEmpty() || !received2.isEmpty()
                    || pingSentNanos >= 0;
        }
    }

    @Override
    public boolean ended() {
        synchronized (lock) {
            return disconnected;
        }
    }

    /**
     * PINGREQ once three quarters of the keep-alive have passed since our last packet: the server may close a
     * connection silent for one and a half keep-alives (3.1.1 section 3.1.2.10), and the clock asks only once a
     * second.
     */
    @Override
    public Turn due(long nowNanos) {
        synchronized (lock) {
            if (!accepted || over || keepAlive <= 0 || pingSentNanos >= 0) return Turn.say();
            if (nowNanos - lastSentNanos < keepAlive * 750_000_000L) return Turn.say();
            pingSentNanos = nowNanos;
            lastSentNanos = nowNanos;
            return Turn.send(writer.pingreq());
        }
    }

    @Override
    public Turn command(String command, String rest) {
        synchronized (lock) {
            String usage = MqttCommand.usageKey(command);
            if (usage == null) return null;
            MqttCommand c = MqttCommand.parse(command, rest);
            if (c == null) return Turn.say(Decoded.problem(name, usage));
            if (over) return Turn.say(Decoded.problem(name, "decode.mqtt.over", "/" + command));
            boolean needsId = c.name().equals(MqttCommand.SUBSCRIBE) || c.name().equals(MqttCommand.UNSUBSCRIBE)
                    || (c.name().equals(MqttCommand.PUBLISH) && c.qos() > 0);
            // Every packet id waits for its ack: looking for a free one would never end.
            if (needsId && pending.size() >= 65535) return Turn.say(Decoded.problem(name, "decode.mqtt.noIds"));
            Payload packet = switch (c.name()) {
                case MqttCommand.SUBSCRIBE -> track(MqttCodes.SUBSCRIBE, c.topic() + " (QoS " + c.qos() + ")", 0,
                        id -> writer.subscribe(id, c.topic(), c.qos()));
                case MqttCommand.UNSUBSCRIBE -> track(MqttCodes.UNSUBSCRIBE, c.topic(), 0, id -> writer.unsubscribe(id, c.topic()));
                case MqttCommand.PUBLISH -> c.qos() == 0 ? writer.publish(0, c.retain(), c.topic(), c.body(), 0)
                        : track(MqttCodes.PUBLISH, c.topic(), c.qos(), id -> writer.publish(c.qos(), c.retain(), c.topic(), c.body(), id));
                default -> {
                    over = true; // the server closes the connection on DISCONNECT: nothing more is awaited
                    disconnected = true;
                    yield writer.disconnect();
                }
            };
            if (accepted) return Turn.send(packet);
            held.add(packet);
            return Turn.say(Decoded.line(name, "decode.mqtt.held", "/" + command));
        }
    }

    /**
     * A packet that waits for an ack, under the next free packet id. Its time starts now, so a held packet's
     * round trip includes the wait for CONNACK.
     */
    private Payload track(int type, String about, int qos, java.util.function.IntFunction<Payload> build) {
        int id = nextId;
        while (pending.containsKey(id)) id = id % 65535 + 1; // ids are 1 to 65535; 0 is not one
        nextId = id % 65535 + 1;
        pending.put(id, new Pending(type, about, qos, System.nanoTime(), false));
        return build.apply(id);
    }
}
