package dev.duplex.net.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the proxy changes in each upgrade it passes up, after taking the client's headers: headers removed
 * by name, then headers set (a set header replaces the client's of that name, whatever its case). Origin
 * is a header like the others here. The upgrade's own headers (Host, the WebSocket key, version,
 * extensions and subprotocols, Connection, Upgrade) belong to each leg and cannot be edited.
 *
 * @param set    name to value, in order
 * @param remove names, any case
 */
public record HeaderEdits(Map<String, String> set, List<String> remove) {
    public static final HeaderEdits NONE = new HeaderEdits(Map.of(), List.of());

    public HeaderEdits {
        set = set == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    /** Applies the edits to the headers passed up (by name, in order) and returns them. */
    Map<String, String> applied(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        for (String name : remove) out.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        set.forEach((name, value) -> {
            out.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            out.put(name, value);
        });
        return out;
    }

    /** Whether a name is the upgrade's own, which no edit may touch. */
    public static boolean legOwn(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return UpstreamRequest.LEG_OWN.contains(n) && !n.equals("origin") || n.startsWith("sec-websocket-");
    }
}
