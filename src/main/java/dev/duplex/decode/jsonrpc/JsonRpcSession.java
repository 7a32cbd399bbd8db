package dev.duplex.decode.jsonrpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.Decoded;
import dev.duplex.decode.Json;
import dev.duplex.net.Payload;

/**
 * JSON-RPC 2.0 over WebSocket: every request that goes out (composed with {@code /call}, or typed as raw JSON)
 * is kept by its id, and the response with that id is paired with it and its round trip; notifications,
 * the peer's own requests, errors and batches are each said for what they are. {@code /call METHOD [PARAMS]}
 * and {@code /notify METHOD [PARAMS]} compose, PARAMS being one JSON array or object.
 */
public final class JsonRpcSession implements AppProtocol {
    public static final String NAME = "json-rpc";

    private record Request(String method, long sentNanos) { }

    private final Object lock = new Object();
    /** Requests sent and not answered yet, by their id as JSON text. */
    private final Map<String, Request> pending = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn opened(String subprotocol) {
        return Turn.say();
    }

    @Override
    public Turn received(Payload message) {
        synchronized (lock) {
            return Turn.say(decode(message, true).toArray(Decoded[]::new));
        }
    }

    @Override
    public List<Decoded> sent(Payload message) {
        synchronized (lock) {
            return decode(message, false);
        }
    }

    @Override
    public boolean awaiting() {
        synchronized (lock) {
            return !pending.isEmpty();
        }
    }

    @Override
    public Turn command(String name, String rest) {
        boolean call = name.equals("call");
        if (!call && !name.equals("notify")) return null;
        String[] methodAndParams = rest.strip().split("\\s+", 2);
        if (methodAndParams[0].isEmpty()) return Turn.say(Decoded.problem(NAME, "decode.rpc.usage", "/" + name));
        String params = methodAndParams.length > 1 ? methodAndParams[1].strip() : "";
        if (!params.isEmpty()) {
            List<String> values;
            try {
                values = Json.sequence(params);
            } catch (Json.NotJson e) {
                return Turn.say(Decoded.problem(NAME, "decode.rpc.badParams", e.getMessage()));
            }
            if (values.size() != 1 || !(values.get(0).startsWith("[") || values.get(0).startsWith("{"))) {
                return Turn.say(Decoded.problem(NAME, "decode.rpc.badParams", params));
            }
            params = values.get(0);
        }
        StringBuilder b = new StringBuilder("{\"jsonrpc\":\"2.0\"");
        if (call) {
            synchronized (lock) {
                b.append(",\"id\":").append(nextId++);
            }
        }
        b.append(",\"method\":").append(Json.string(methodAndParams[0]));
        if (!params.isEmpty()) b.append(",\"params\":").append(params);
        return Turn.send(Payload.text(b.append('}').toString()));
    }

    private List<Decoded> decode(Payload message, boolean inbound) {
        if (message.isBinary()) return List.of(Decoded.problem(NAME, "decode.rpc.notJson", "binary"));
        String text = message.text().strip();
        List<String> objects;
        try {
            objects = text.startsWith("[") ? Json.arrayElements(text) : List.of(text);
        } catch (Json.NotJson e) {
            return List.of(Decoded.problem(NAME, "decode.rpc.notJson", e.getMessage()));
        }
        List<Decoded> lines = new ArrayList<>();
        for (String object : objects) lines.add(one(object, inbound));
        return lines;
    }

    private Decoded one(String object, boolean inbound) {
        Map<String, String> m;
        try {
            m = Json.fields(object);
        } catch (Json.NotJson e) {
            return Decoded.problem(NAME, "decode.rpc.notJson", e.getMessage());
        }
        if (!"\"2.0\"".equals(m.get("jsonrpc"))) return Decoded.problem(NAME, "decode.rpc.notJsonRpc", clip(object));
        String id = m.get("id");
        String params = m.getOrDefault("params", "");
        if (m.containsKey("method")) {
            String method = String.valueOf(Json.unquote(m.get("method")));
            if (id == null) return Decoded.line(NAME, "decode.rpc.notification", method, params);
            if (!inbound) pending.put(id, new Request(method, System.nanoTime()));
            return Decoded.line(NAME, inbound ? "decode.rpc.peerRequest" : "decode.rpc.request", id, method, params);
        }
        Request asked = id == null ? null : pending.remove(id);
        String method = asked == null ? "?" : asked.method();
        String ms = asked == null ? "?" : String.format(Locale.ROOT, "%.3f", (System.nanoTime() - asked.sentNanos()) / 1e6);
        if (m.containsKey("error")) return Decoded.problem(NAME, "decode.rpc.error", id, method, ms, m.get("error"));
        if (m.containsKey("result")) {
            if (asked == null && inbound) return Decoded.problem(NAME, "decode.rpc.unknownId", id, m.get("result"));
            return Decoded.line(NAME, "decode.rpc.result", id, method, ms, m.get("result"));
        }
        return Decoded.problem(NAME, "decode.rpc.notJsonRpc", clip(object));
    }

    /** Long JSON cut for a line. */
    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
