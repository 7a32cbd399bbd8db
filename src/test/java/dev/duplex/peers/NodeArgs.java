package dev.duplex.peers;

import java.util.List;

/** The JSON the Node scripts of these tests take as their one argument: strings and lists of them, quoted. */
final class NodeArgs {
    private NodeArgs() { }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String jsonList(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) sb.append(i == 0 ? "" : ",").append(json(values.get(i)));
        return sb.append(']').toString();
    }
}
