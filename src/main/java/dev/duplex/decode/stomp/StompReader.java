package dev.duplex.decode.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts what the server sends into STOMP frames and heart-beats. Over WebSocket a message is usually one
 * frame, but nothing in STOMP says so: a message may hold several frames, or part of one, so the bytes are
 * kept until a frame is whole. A frame ends at the NUL after its body, or after content-length bytes of body
 * when that header is given; a line ending between frames is a heart-beat.
 */
final class StompReader {
    /** What one message held, in order: frames, heart-beats, and at most one problem, which ends it. */
    sealed interface Part permits Frame, HeartBeat, Malformed { }

    record Frame(StompFrame frame) implements Part { }

    record HeartBeat() implements Part { }

    record Malformed(String problem) implements Part { }

    /** A frame longer than this is refused rather than kept growing in memory. */
    static final int MAX_FRAME = 16 * 1024 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** Whether the headers are escaped (1.1 and 1.2; not 1.0). */
    private boolean escaped = true;

    void version(String version) {
        escaped = !version.equals("1.0");
    }

    /** Whether part of a frame is still waiting for the rest. */
    boolean partial() {
        return pending.size() > 0;
    }

    List<Part> read(byte[] message) {
        pending.write(message, 0, message.length);
        byte[] b = pending.toByteArray();
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < b.length) {
            if (b[at] == '\n' || (b[at] == '\r' && at + 1 < b.length && b[at + 1] == '\n')) {
                at += b[at] == '\r' ? 2 : 1;
                parts.add(new HeartBeat());
                continue;
            }
            int end;
            try {
                end = frame(b, at, parts);
            } catch (IllegalArgumentException e) {
                parts.add(new Malformed(e.getMessage()));
                pending.reset();
                return parts;
            }
            if (end < 0) break;
            at = end;
            // The line endings a sender puts after a frame's NUL belong to the frame, not heart-beats.
            while (at < b.length && (b[at] == '\n' || b[at] == '\r')) at++;
        }
        pending.reset();
        if (at < b.length) {
            if (b.length - at > MAX_FRAME) {
                parts.add(new Malformed("a frame longer than " + MAX_FRAME + " bytes"));
            } else {
                pending.write(b, at, b.length - at);
            }
        }
        return parts;
    }

    /** Reads one frame from {@code from}: the index after its NUL, or -1 when it is not whole yet. */
    private int frame(byte[] b, int from, List<Part> parts) {
        int headersEnd = -1;
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) throw new IllegalArgumentException("a NUL before the blank line that ends the headers");
            if (b[i] == '\n' && i + 1 < b.length && (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n'))) {
                headersEnd = i + 1;
                break;
            }
        }
        if (headersEnd < 0) return -1;
        String[] lines = new String(b, from, headersEnd - from, StandardCharsets.UTF_8).split("\r?\n");
        String command = lines[0];
        if (!command.matches("[A-Z]+")) throw new IllegalArgumentException("no command: " + clip(command));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean escape = escaped && !command.equals("CONNECTED") && !command.equals("CONNECT");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("a header line without a colon: " + clip(lines[i]));
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1);
            headers.add(Map.entry(escape ? unescape(name) : name, escape ? unescape(value) : value));
        }
        int bodyStart = headersEnd + (b[headersEnd] == '\r' ? 2 : 1);
        String length = headers.stream().filter(h -> h.getKey().equals("content-length")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        int bodyEnd;
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("content-length is not a number: " + clip(length));
            }
            if (n < 0 || n > MAX_FRAME) throw new IllegalArgumentException("content-length out of range: " + n);
            if (bodyStart + n >= b.length) return -1;
            bodyEnd = (int) (bodyStart + n);
            if (b[bodyEnd] != 0) throw new IllegalArgumentException("no NUL after the " + n + " bytes of content-length");
        } else {
            bodyEnd = -1;
            for (int i = bodyStart; i < b.length; i++) {
                if (b[i] == 0) {
                    bodyEnd = i;
                    break;
                }
            }
            if (bodyEnd < 0) return -1;
        }
        byte[] body = java.util.Arrays.copyOfRange(b, bodyStart, bodyEnd);
        parts.add(new Frame(new StompFrame(command, headers, body)));
        return bodyEnd + 1;
    }

    /** STOMP 1.2's header escapes; any other backslash is an error the spec calls fatal. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(++i) : ' ';
            switch (next) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'c' -> out.append(':');
                case '\\' -> out.append('\\');
                default -> throw new IllegalArgumentException("an undefined escape \\" + next + " in a header: " + clip(s));
            }
        }
        return out.toString();
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
