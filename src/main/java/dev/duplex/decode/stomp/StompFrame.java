package dev.duplex.decode.stomp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One STOMP frame: its command, its headers in the order they came (a header given twice keeps both, and the
 * first is the one that counts, as STOMP 1.2 says), and its body as bytes.
 */
record StompFrame(String command, List<Map.Entry<String, String>> headers, byte[] body) {
    StompFrame {
        headers = List.copyOf(headers);
    }

    static StompFrame of(String command, String body, String... namesAndValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        return new StompFrame(command, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of a header, or "" when it is not there. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) if (h.getKey().equals(name)) return h.getValue();
        return "";
    }

    /** The headers as one line for the log: {@code name=value, name=value}, a passcode's value not shown. */
    String headerLine() {
        return headers.stream().map(h -> h.getKey() + "=" + (h.getKey().equals("passcode") ? "•••" : h.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The body as text when it is UTF-8, else its size and first bytes in hex. */
    String bodyText() {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            StringBuilder hex = new StringBuilder(body.length + " B:");
            for (int i = 0; i < Math.min(body.length, 32); i++) hex.append(String.format(" %02x", body[i]));
            return body.length > 32 ? hex.append(" …").toString() : hex.toString();
        }
    }

    /**
     * The frame as sent: headers escaped as 1.1 and 1.2 ask (not those of CONNECT, whose values are sent as
     * they are for the sake of 1.0 servers), a content-length whenever there is a body, so that a NUL in it
     * cannot end the frame early, and the NUL that ends it.
     */
    String encode() {
        StringBuilder out = new StringBuilder(command).append('\n');
        boolean escape = !command.equals("CONNECT") && !command.equals("STOMP");
        for (Map.Entry<String, String> h : headers) {
            out.append(escape ? escape(h.getKey()) : h.getKey()).append(':')
                    .append(escape ? escape(h.getValue()) : h.getValue()).append('\n');
        }
        if (body.length > 0 && header("content-length").isEmpty()) out.append("content-length:").append(body.length).append('\n');
        return out.append('\n').append(new String(body, StandardCharsets.UTF_8)).append('\0').toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
    }
}
