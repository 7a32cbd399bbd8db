package dev.duplex.decode.socketio;

import java.util.List;
import java.util.function.LongFunction;

import dev.duplex.decode.AppProtocol.Turn;
import dev.duplex.decode.Decoded;
import dev.duplex.decode.Json;
import dev.duplex.net.Payload;

/**
 * What the Socket.IO composer's typed commands send:
 * <ul>
 * <li>{@code /emit [--ack] [--binary HEX …] [/NAMESPACE] EVENT [JSON …]}: an EVENT, with an ack id when
 *     {@code --ack} asks for the server's acknowledgement; EVENT is a word or a JSON string; each
 *     {@code --binary} adds a binary argument after the JSON ones, sent as a BINARY_EVENT and its
 *     attachments;</li>
 * <li>{@code /join /NAMESPACE [JSON]}: a CONNECT to the namespace, with the JSON as its auth payload;</li>
 * <li>{@code /leave /NAMESPACE}: a DISCONNECT;</li>
 * <li>{@code /ack ID [JSON …]}: the ACK the server's emit with that id asked for.</li>
 * </ul>
 */
final class SocketIoCommands {
    /** Reserves an ack id for an emit of {@code event} on {@code namespace}. */
    interface AckIds {
        long reserve(String event, String namespace);
    }

    /** The Engine.IO message that carries the packet, to send. */
    private static Turn of(SocketIoPacket packet) {
        return Turn.send(Payload.text(EnginePacket.MESSAGE + packet.encode()));
    }

    private static Turn problem(String key, Object... args) {
        return Turn.say(Decoded.problem(SocketIoSession.NAME, key, args));
    }

    private SocketIoCommands() { }

    /** @param engine3 Engine.IO v3, whose binary messages start with the message packet's type byte */
    static Turn emit(String typed, AckIds ackIds, boolean engine3) {
        String rest = typed.strip();
        boolean ack = false;
        List<byte[]> binaries = new java.util.ArrayList<>();
        while (true) {
            if (rest.equals("--ack") || rest.startsWith("--ack ")) {
                ack = true;
                rest = rest.substring(5).strip();
            } else if (rest.startsWith("--binary ")) {
                String[] words = rest.split("\\s+", 3);
                try {
                    binaries.add(java.util.HexFormat.of().parseHex(words[1]));
                } catch (IllegalArgumentException e) {
                    return problem("decode.sio.badHex", words[1]);
                }
                rest = words.length > 2 ? words[2] : "";
            } else {
                break;
            }
        }
        String namespace = SocketIoPacket.DEFAULT_NAMESPACE;
        if (rest.startsWith("/")) {
            String[] nsAndRest = rest.split("\\s+", 2);
            namespace = nsAndRest[0];
            rest = nsAndRest.length > 1 ? nsAndRest[1] : "";
        }
        if (rest.isEmpty()) return problem("decode.sio.usage.emit");
        List<String> values;
        try {
            values = Json.sequence(rest.startsWith("\"") ? rest : Json.string(firstWord(rest))
                    + " " + afterFirstWord(rest));
        } catch (Json.NotJson e) {
            return problem("decode.sio.badTyped", e.getMessage());
        }
        String event = Json.unquote(values.get(0));
        if (event == null) return problem("decode.sio.usage.emit");
        long id = ack ? ackIds.reserve(event, namespace) : -1;
        if (binaries.isEmpty()) {
            return of(new SocketIoPacket(SocketIoPacket.EVENT, 0, namespace, id, "[" + String.join(",", values) + "]"));
        }
        // Each binary argument's place is a placeholder naming its attachment; the attachments follow in order.
        List<String> args = new java.util.ArrayList<>(values);
        for (int i = 0; i < binaries.size(); i++) args.add("{\"_placeholder\":true,\"num\":" + i + "}");
        List<Payload> out = new java.util.ArrayList<>();
        out.add(Payload.text(EnginePacket.MESSAGE + new SocketIoPacket(SocketIoPacket.BINARY_EVENT, binaries.size(),
                namespace, id, "[" + String.join(",", args) + "]").encode()));
        for (byte[] b : binaries) {
            byte[] wire = b;
            if (engine3) {
                wire = new byte[b.length + 1];
                wire[0] = EnginePacket.MESSAGE;
                System.arraycopy(b, 0, wire, 1, b.length);
            }
            out.add(Payload.binary(wire));
        }
        return new Turn(List.of(), out);
    }

    static Turn join(String typed) {
        String[] nsAndAuth = typed.strip().split("\\s+", 2);
        if (!nsAndAuth[0].startsWith("/")) return problem("decode.sio.usage.join");
        String auth = nsAndAuth.length > 1 ? nsAndAuth[1].strip() : "";
        if (!auth.isEmpty()) {
            try {
                Json.scalarFields(auth);
            } catch (Json.NotJson e) {
                return problem("decode.sio.badTyped", e.getMessage());
            }
        }
        return of(new SocketIoPacket(SocketIoPacket.CONNECT, 0, nsAndAuth[0], -1, auth));
    }

    static Turn leave(String typed) {
        String ns = typed.strip();
        if (!ns.startsWith("/") || ns.contains(" ")) return problem("decode.sio.usage.leave");
        return of(new SocketIoPacket(SocketIoPacket.DISCONNECT, 0, ns, -1, ""));
    }

    /** @param askedOn the namespace of the server's emit that asked for this ack id, null if none did */
    static Turn ack(String typed, LongFunction<String> askedOn) {
        String[] idAndArgs = typed.strip().split("\\s+", 2);
        long id;
        try {
            id = Long.parseLong(idAndArgs[0]);
        } catch (NumberFormatException e) {
            return problem("decode.sio.usage.ack");
        }
        if (id < 0) return problem("decode.sio.usage.ack");
        List<String> values;
        try {
            values = Json.sequence(idAndArgs.length > 1 ? idAndArgs[1] : "");
        } catch (Json.NotJson e) {
            return problem("decode.sio.badTyped", e.getMessage());
        }
        String namespace = askedOn.apply(id);
        return of(new SocketIoPacket(SocketIoPacket.ACK, 0,
                namespace == null ? SocketIoPacket.DEFAULT_NAMESPACE : namespace, id, "[" + String.join(",", values) + "]"));
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    private static String afterFirstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? "" : s.substring(sp + 1);
    }
}
