package dev.duplex.decode.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.duplex.decode.AppProtocol;
import dev.duplex.decode.Decoded;
import dev.duplex.decode.Json;
import dev.duplex.net.Payload;

/**
 * GraphQL over WebSocket as a client, in both dialects, chosen by the subprotocol the server answered:
 * {@code graphql-transport-ws} (the graphql-ws library's protocol: subscribe, next, error, complete, ping and
 * pong) and the older {@code graphql-ws} of subscriptions-transport-ws (start, data, error, complete, stop,
 * ka). It sends connection_init on open, answers pings, numbers the operations, and shows each result with
 * its operation, its count and the time since the operation started. {@code /query QUERY [--variables JSON]}
 * starts one, {@code /stop ID} ends it.
 */
public final class GraphqlSession implements AppProtocol {
    public static final String NAME = "graphql-ws";
    /** The subprotocols offered, the current dialect first. */
    public static final List<String> SUBPROTOCOLS = List.of(GraphqlDialect.TRANSPORT_WS, GraphqlDialect.LEGACY);

    private record Operation(String query, long startedNanos, int results) {
        Operation next() {
            return new Operation(query, startedNanos, results + 1);
        }
    }

    private final Object lock = new Object();
    private final Map<String, Operation> operations = new HashMap<>();
    private GraphqlDialect dialect = GraphqlDialect.of(GraphqlDialect.TRANSPORT_WS);
    private int nextId = 1;
    /** connection_init's payload: a JSON object, the empty one unless the user gave one (a token, often). */
    private final String initPayload;

    public GraphqlSession() {
        this("");
    }

    /** @param initPayload a JSON object for connection_init, "" for {@code {}} */
    public GraphqlSession(String initPayload) {
        this.initPayload = initPayload == null || initPayload.isBlank() ? "{}" : initPayload.strip();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn opened(String subprotocol) {
        synchronized (lock) {
            dialect = GraphqlDialect.of(subprotocol);
            List<Decoded> said = Turn.unanswered(NAME, subprotocol, SUBPROTOCOLS, GraphqlDialect.TRANSPORT_WS);
            return new Turn(said, List.of(Payload.text("{\"type\":\"connection_init\",\"payload\":" + initPayload + "}")));
        }
    }

    @Override
    public Turn received(Payload message) {
        synchronized (lock) {
            if (message.isBinary()) return Turn.say(Decoded.problem(NAME, "decode.gql.binary", message.bytes().length));
            Map<String, String> m;
            try {
                m = Json.fields(message.text());
            } catch (Json.NotJson e) {
                return Turn.say(Decoded.problem(NAME, "decode.gql.notJson", e.getMessage()));
            }
            String type = text(m.get("type"));
            String id = text(m.get("id"));
            String payload = m.getOrDefault("payload", "");
            if (type.equals("ping") && dialect.hasPing()) {
                String pong = payload.isEmpty() ? "{\"type\":\"pong\"}" : "{\"type\":\"pong\",\"payload\":" + payload + "}";
                return new Turn(List.of(Decoded.line(NAME, "decode.gql.ping")), List.of(Payload.text(pong)));
            }
            if (type.equals(dialect.result())) {
                Operation op = operations.get(id);
                if (op == null) return Turn.say(Decoded.problem(NAME, "decode.gql.unknownId", type, id, payload));
                operations.put(id, op.next());
                return Turn.say(Decoded.line(NAME, "decode.gql.next", id, op.results() + 1, ms(op), payload));
            }
            if (type.equals("error")) {
                operations.remove(id); // an error ends its operation: no complete follows
                return Turn.say(Decoded.problem(NAME, "decode.gql.error", id, payload));
            }
            if (type.equals("complete")) {
                Operation op = operations.remove(id);
                if (op == null) return Turn.say(Decoded.line(NAME, "decode.gql.type", type, id));
                return Turn.say(Decoded.line(NAME, "decode.gql.complete", id, op.results(), ms(op)));
            }
            if (type.equals("connection_error")) return Turn.say(Decoded.problem(NAME, "decode.gql.error", "", payload));
            return Turn.say(Decoded.line(NAME, "decode.gql.type", type, payload));
        }
    }

    @Override
    public List<Decoded> sent(Payload message) {
        if (message.isBinary()) return List.of();
        try {
            Map<String, String> m = Json.fields(message.text());
            String type = text(m.get("type"));
            if (type.equals(dialect.start())) {
                return List.of(Decoded.line(NAME, "decode.gql.subscribe", type, text(m.get("id")), m.getOrDefault("payload", "")));
            }
            return List.of(Decoded.line(NAME, "decode.gql.type", type, m.containsKey("id") ? text(m.get("id"))
                    : m.getOrDefault("payload", "")));
        } catch (Json.NotJson e) {
            return List.of(Decoded.problem(NAME, "decode.gql.notJson", e.getMessage()));
        }
    }

    @Override
    public boolean awaiting() {
        synchronized (lock) {
            return !operations.isEmpty();
        }
    }

    @Override
    public Turn command(String name, String rest) {
        synchronized (lock) {
            return switch (name) {
                case "query" -> query(rest);
                case "stop" -> stop(rest.strip());
                default -> null;
            };
        }
    }

    private Turn query(String typed) {
        String query = typed.strip();
        String variables = null;
        int at = query.indexOf(" --variables ");
        if (at >= 0) {
            variables = query.substring(at + 13).strip();
            query = query.substring(0, at).strip();
            try {
                Json.fields(variables);
            } catch (Json.NotJson e) {
                return Turn.say(Decoded.problem(NAME, "decode.gql.badVariables", e.getMessage()));
            }
        }
        if (query.isEmpty()) return Turn.say(Decoded.problem(NAME, "decode.gql.usage.query"));
        String id = Integer.toString(nextId++);
        operations.put(id, new Operation(query, System.nanoTime(), 0));
        String payload = "{\"query\":" + Json.string(query) + (variables == null ? "" : ",\"variables\":" + variables) + "}";
        return Turn.send(Payload.text("{\"id\":\"" + id + "\",\"type\":\"" + dialect.start() + "\",\"payload\":" + payload + "}"));
    }

    private Turn stop(String id) {
        if (!operations.containsKey(id)) {
            return Turn.say(Decoded.problem(NAME, "decode.gql.usage.stop", String.join(", ", operations.keySet())));
        }
        return Turn.send(Payload.text("{\"id\":" + Json.string(id) + ",\"type\":\"" + dialect.stop() + "\"}"));
    }

    private static String ms(Operation op) {
        return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - op.startedNanos()) / 1e6);
    }

    /** A JSON string's text, or the JSON as it is when it is not a string, "" when absent. */
    private static String text(String json) {
        if (json == null) return "";
        String s = Json.unquote(json);
        return s == null ? json : s;
    }
}
