package dev.duplex.decode.stomp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.Decoded;
import dev.duplex.net.Payload;

/**
 * STOMP 1.2 (and 1.1, 1.0, as the server answers) over WebSocket, as a client: CONNECT on open with the
 * versions and heart-beats it takes, every frame decoded with its headers and body, a receipt asked for each
 * frame we compose and paired with its RECEIPT (with the round trip), heart-beats kept both ways as
 * negotiated, and {@code /subscribe}, {@code /unsubscribe}, {@code /send} and {@code /disconnect} composed.
 * What is typed before CONNECTED is held and goes once the server has answered.
 */
public final class StompSession implements AppProtocol {
    public static final String NAME = "stomp";
    /** The subprotocols of STOMP over WebSocket, the newest first. */
    public static final List<String> SUBPROTOCOLS = List.of("v12.stomp", "v11.stomp", "v10.stomp");
    /** The heart-beat we offer and ask for, in ms; tests shorten it with this property. */
    private final long heartBeatMs = Long.getLong("duplex.stomp.heartBeatMs", 10_000);

    /** @param transaction the transaction the frame went in, null for none */
    private record Asked(String what, long sentNanos, String transaction) { }

    private final Object lock = new Object();
    private final boolean heartbeat;
    private final StompReader reader = new StompReader();
    /** Our frames that asked for a receipt, by receipt id. */
    private final Map<String, Asked> receipts = new LinkedHashMap<>();
    /**
     * Receipts of an aborted transaction's frames: RabbitMQ sends them only on COMMIT, so none is waited for;
     * one that comes all the same (another broker) is still paired with its frame.
     */
    private final Map<String, Asked> abandoned = new java.util.HashMap<>();
    /** The subscriptions made, id to destination. */
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    /**
     * Messages of subscriptions with ack:client or client-individual, not yet acknowledged: what ACK or NACK
     * names them by (1.2's ack header, 1.1's message-id) to the subscription they came on (1.1 names it too).
     */
    private final Map<String, String> unacked = new LinkedHashMap<>();
    private String version = "1.2";
    /** Our subscriptions whose messages are acknowledged by hand (ack:client or client-individual). */
    private final java.util.Set<String> acking = new java.util.HashSet<>();
    private final List<Payload> held = new ArrayList<>();
    private boolean connected;
    private int nextReceipt = 1;
    private int nextSubscription = 1;
    /** The transaction that /send, /ack and /nack go in, from /begin to /commit or /abort; null for none. */
    private String transaction;
    private int nextTransaction = 1;
    /** How often each side sends heart-beats, as CONNECTED settled it (0: never). */
    private long sendEveryMs;
    private long expectEveryMs;
    private long lastSentNanos = System.nanoTime();
    private long lastReceivedNanos = System.nanoTime();
    private boolean silenceSaid;
    /** Whether we sent DISCONNECT: the broker closing then (RabbitMQ at once, without the receipt) is the end asked for. */
    private boolean disconnecting;

    private final java.util.Optional<dev.duplex.decode.AppLogin> login;
    private final String virtualHost;

    /** @param heartbeat whether Duplex offers heart-beats (off: {@code heart-beat:0,0}, to see what the server does) */
    public StompSession(boolean heartbeat) {
        this(heartbeat, java.util.Optional.empty());
    }

    /** @param login sent in CONNECT as login and passcode; without it the broker's default user applies */
    public StompSession(boolean heartbeat, java.util.Optional<dev.duplex.decode.AppLogin> login) {
        this(heartbeat, login, dev.duplex.decode.ProtocolSetup.DEFAULT_VIRTUAL_HOST);
    }

    /** @param virtualHost CONNECT's host header: the broker's virtual host */
    public StompSession(boolean heartbeat, java.util.Optional<dev.duplex.decode.AppLogin> login, String virtualHost) {
        this.heartbeat = heartbeat;
        this.login = login;
        this.virtualHost = virtualHost;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn opened(String subprotocol) {
        synchronized (lock) {
            List<Decoded> said = Turn.unanswered(NAME, subprotocol, SUBPROTOCOLS, "STOMP");
            long beat = heartbeat ? heartBeatMs : 0;
            // host names the virtual host; "/" is RabbitMQ's default one, and other brokers ignore it.
            List<String> headers = new ArrayList<>(List.of("accept-version", "1.2,1.1,1.0", "host", virtualHost,
                    "heart-beat", beat + "," + beat));
            login.ifPresent(l -> {
                headers.addAll(List.of("login", l.user()));
                l.password().ifPresent(p -> headers.addAll(List.of("passcode", p)));
            });
            StompFrame connect = StompFrame.of("CONNECT", "", headers.toArray(String[]::new));
            return new Turn(said, List.of(Payload.text(connect.encode())));
        }
    }

    @Override
    public Turn received(Payload message) {
        synchronized (lock) {
            lastReceivedNanos = System.nanoTime();
            silenceSaid = false;
            byte[] bytes = message.isBinary() ? message.bytes() : message.text().getBytes(StandardCharsets.UTF_8);
            List<Decoded> lines = new ArrayList<>();
            List<Payload> replies = new ArrayList<>();
            for (StompReader.Part part : reader.read(bytes)) {
                if (part instanceof StompReader.HeartBeat) {
                    lines.add(Decoded.line(NAME, "decode.stomp.heartBeatIn"));
                } else if (part instanceof StompReader.Malformed m) {
                    lines.add(Decoded.problem(NAME, "decode.stomp.malformed", m.problem()));
                } else if (part instanceof StompReader.Frame f) {
                    lines.add(frame(f.frame(), replies));
                }
            }
            return new Turn(lines, replies);
        }
    }

    private Decoded frame(StompFrame f, List<Payload> replies) {
        switch (f.command()) {
            case "CONNECTED":
                return connected(f, replies);
            case "MESSAGE": {
                String type = f.header("content-type");
                // A MESSAGE to acknowledge carries ack (1.2); in 1.1 its message-id names it, on a subscription of ours with ack:client.
                String ack = !f.header("ack").isEmpty() ? f.header("ack") : version.equals("1.1") && acking.contains(f.header("subscription"))
                        ? f.header("message-id") : "";
                if (!ack.isEmpty()) unacked.put(ack, f.header("subscription"));
                Decoded meta = Decoded.part("decode.stomp.meta", type.isEmpty() ? Decoded.none() : Decoded.part("decode.stomp.contentType", type),
                        f.header("redelivered").equals("true") ? Decoded.part("decode.stomp.redelivered") : Decoded.none(),
                        ack.isEmpty() ? Decoded.none() : Decoded.part("decode.stomp.toAck", ack));
                return Decoded.line(NAME, "decode.stomp.message", f.header("destination"), f.header("subscription"),
                        f.header("message-id"), meta, f.bodyText());
            }
            case "RECEIPT": {
                Asked asked = receipts.remove(f.header("receipt-id"));
                if (asked == null) asked = abandoned.remove(f.header("receipt-id"));
                if (asked == null) return Decoded.problem(NAME, "decode.stomp.receiptUnknown", f.header("receipt-id"));
                return Decoded.line(NAME, "decode.stomp.receipt", f.header("receipt-id"), asked.what(), ms(asked.sentNanos()));
            }
            case "ERROR":
                return Decoded.problem(NAME, "decode.stomp.error", f.header("message"), f.bodyText().strip());
            default:
                return Decoded.line(NAME, "decode.stomp.frame", f.command(), f.headerLine(), body(f));
        }
    }

    /** The server's answer to CONNECT: the version and the heart-beats settled, and what was held goes. */
    private Decoded connected(StompFrame f, List<Payload> replies) {
        connected = true;
        version = f.header("version").isEmpty() ? "1.0" : f.header("version");
        reader.version(version);
        long[] server = beats(f.header("heart-beat"));
        long ours = heartbeat ? heartBeatMs : 0;
        // STOMP 1.2 section "Heart-beating": each side sends at the larger of what it offers and the other asks.
        sendEveryMs = ours == 0 || server[1] == 0 ? 0 : Math.max(ours, server[1]);
        expectEveryMs = ours == 0 || server[0] == 0 ? 0 : Math.max(ours, server[0]);
        replies.addAll(held);
        held.clear();
        String serverName = f.header("server").isEmpty() ? "?" : f.header("server");
        return Decoded.line(NAME, "decode.stomp.connected", version, serverName, sendEveryMs, expectEveryMs);
    }

    private static long[] beats(String header) {
        String[] two = header.split(",");
        try {
            return two.length == 2 ? new long[] {Long.parseLong(two[0].strip()), Long.parseLong(two[1].strip())} : new long[2];
        } catch (NumberFormatException e) {
            return new long[2];
        }
    }

    @Override
    public List<Decoded> sent(Payload message) {
        synchronized (lock) {
            lastSentNanos = System.nanoTime();
            String text = message.isBinary() ? new String(message.bytes(), StandardCharsets.UTF_8) : message.text();
            if (text.isBlank()) return List.of(Decoded.line(NAME, "decode.stomp.heartBeatOut"));
            StompReader own = new StompReader();
            List<Decoded> lines = new ArrayList<>();
            for (StompReader.Part part : own.read(text.getBytes(StandardCharsets.UTF_8))) {
                if (part instanceof StompReader.Frame f) {
                    lines.add(Decoded.line(NAME, "decode.stomp.frame", f.frame().command(), f.frame().headerLine(), body(f.frame())));
                } else if (part instanceof StompReader.Malformed m) {
                    lines.add(Decoded.problem(NAME, "decode.stomp.malformed", m.problem()));
                }
            }
            if (own.partial()) lines.add(Decoded.problem(NAME, "decode.stomp.malformed", "no NUL at the end of the frame"));
            return lines;
        }
    }

    @Override
    public Turn due(long nowNanos) {
        synchronized (lock) {
            List<Decoded> lines = new ArrayList<>();
            List<Payload> replies = new ArrayList<>();
            if (sendEveryMs > 0 && (nowNanos - lastSentNanos) / 1_000_000 >= sendEveryMs - 500) replies.add(Payload.text("\n"));
            // The spec lets a side give up after silence; we only say it, with some grace for the network.
            long silentMs = (nowNanos - lastReceivedNanos) / 1_000_000;
            if (expectEveryMs > 0 && !silenceSaid && silentMs > 2 * expectEveryMs) {
                silenceSaid = true;
                lines.add(Decoded.problem(NAME, "decode.stomp.silent", silentMs, expectEveryMs));
            }
            return new Turn(lines, replies);
        }
    }

    @Override
    public boolean awaiting() {
        synchronized (lock) {
            return !receipts.isEmpty() || !held.isEmpty() || reader.partial();
        }
    }

    @Override
    public boolean ended() {
        synchronized (lock) {
            return disconnecting;
        }
    }

    @Override
    public Turn command(String name, String rest) {
        synchronized (lock) {
            Turn turn = compose(name, rest.strip());
            if (turn == null || connected || turn.replies().isEmpty()) return turn;
            held.addAll(turn.replies());
            return Turn.say(Decoded.line(NAME, "decode.stomp.held"));
        }
    }

    private Turn compose(String name, String rest) {
        switch (name) {
            case "subscribe": {
                List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
                String ack = "auto";
                if (words.size() > 1 && words.get(words.size() - 1).startsWith("ack=")) ack = words.remove(words.size() - 1).substring(4);
                if (rest.isEmpty() || words.size() > 2 || !List.of("auto", "client", "client-individual").contains(ack)) {
                    return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.subscribe"));
                }
                String id = words.size() == 2 ? words.get(1) : "sub-" + nextSubscription++;
                subscriptions.put(id, words.get(0));
                if (!ack.equals("auto")) acking.add(id);
                return asking("SUBSCRIBE " + words.get(0), "SUBSCRIBE", "", "id", id, "destination", words.get(0), "ack", ack);
            }
            case "ack", "nack": {
                String command = name.toUpperCase(Locale.ROOT);
                if (!unacked.containsKey(rest)) {
                    return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.ack", "/" + name, String.join(", ", unacked.keySet())));
                }
                String subscription = unacked.remove(rest);
                // 1.2 names the message by its ack header's value; 1.1 by message-id, with the subscription.
                return version.equals("1.1")
                        ? asking(described(command + " " + rest), command, "", withTransaction("message-id", rest, "subscription", subscription))
                        : asking(described(command + " " + rest), command, "", withTransaction("id", rest));
            }
            case "unsubscribe": {
                if (!subscriptions.containsKey(rest)) {
                    return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.unsubscribe", String.join(", ", subscriptions.keySet())));
                }
                subscriptions.remove(rest);
                return asking("UNSUBSCRIBE " + rest, "UNSUBSCRIBE", "", "id", rest);
            }
            case "send": {
                int space = rest.indexOf(' ');
                if (space <= 0) return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.send"));
                String destination = rest.substring(0, space);
                return asking(described("SEND " + destination), "SEND", rest.substring(space + 1),
                        withTransaction("destination", destination, "content-type", "text/plain;charset=utf-8"));
            }
            case "begin": {
                if (transaction != null) return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.begin", transaction));
                if (rest.contains(" ")) return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.beginId"));
                transaction = rest.isEmpty() ? "tx-" + nextTransaction++ : rest;
                return asking("BEGIN " + transaction, "BEGIN", "", "transaction", transaction);
            }
            case "commit", "abort": {
                String command = name.toUpperCase(Locale.ROOT);
                if (transaction == null || (!rest.isEmpty() && !rest.equals(transaction))) {
                    return Turn.say(Decoded.problem(NAME, "decode.stomp.usage.end", "/" + name,
                            transaction == null ? "-" : transaction));
                }
                String ended = transaction;
                transaction = null;
                if (command.equals("ABORT")) {
                    for (var i = receipts.entrySet().iterator(); i.hasNext(); ) {
                        var asked = i.next();
                        if (!ended.equals(asked.getValue().transaction())) continue;
                        abandoned.put(asked.getKey(), asked.getValue());
                        i.remove();
                    }
                }
                return asking(command + " " + ended, command, "", "transaction", ended);
            }
            case "disconnect":
                disconnecting = true;
                return asking("DISCONNECT", "DISCONNECT", "");
            default:
                return null;
        }
    }

    /** What a frame of ours is, said with the transaction it goes in, if one is open. */
    private String described(String what) {
        return transaction == null ? what : what + " transaction:" + transaction;
    }

    /** A frame's headers, with the open transaction's header added. */
    private String[] withTransaction(String... headers) {
        if (transaction == null) return headers;
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "transaction";
        all[headers.length + 1] = transaction;
        return all;
    }

    /** A frame of ours with a receipt header, remembered so that its RECEIPT shows what it answers. */
    private Turn asking(String what, String command, String body, String... headers) {
        String receipt = "r-" + nextReceipt++;
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "receipt";
        all[headers.length + 1] = receipt;
        receipts.put(receipt, new Asked(what, System.nanoTime(), transaction));
        return Turn.send(Payload.text(StompFrame.of(command, body, all).encode()));
    }

    private static Decoded body(StompFrame f) {
        return f.body().length == 0 ? Decoded.none() : Decoded.part("decode.stomp.body", f.bodyText());
    }

    private static String ms(long sentNanos) {
        return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - sentNanos) / 1e6);
    }
}
