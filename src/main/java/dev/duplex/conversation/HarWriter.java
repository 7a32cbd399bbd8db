package dev.duplex.conversation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import dev.duplex.Version;
import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.wire.FrameInfo;

/**
 * Writes conversations as {@link HarFormat} describes: as Chrome DevTools saves a WebSocket, field by
 * field in Chrome's order and layout, messages rather than frames.
 */
final class HarWriter {
    private HarWriter() { }

    /** Writes the conversations as a HAR with an entry each, in order, to {@code out} (which stays open). */
    static void write(List<Conversation> conversations, OutputStream out) throws IOException {
        JsonGenerator g = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(chromeLayout());
        g.writeStartObject();
        g.writeObjectFieldStart("log");
        g.writeStringField("version", "1.2");
        g.writeObjectFieldStart("creator");
        g.writeStringField("name", "Duplex");
        g.writeStringField("version", Version.get());
        g.writeEndObject();
        g.writeArrayFieldStart("pages");
        g.writeEndArray();
        g.writeArrayFieldStart("entries");
        for (Conversation c : conversations) writeEntry(g, c);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
    }

    /** Laid out as Chrome saves it (JSON.stringify(har, null, 2)): "key": value, two spaces a level. */
    private static DefaultPrettyPrinter chromeLayout() {
        DefaultIndenter twoSpaces = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter().withSeparators(separators).withObjectIndenter(twoSpaces)
                .withArrayIndenter(twoSpaces);
    }

    /** The fields in the order Chrome writes them, those it has and we do not (initiator, priority) left out. */
    private static void writeEntry(JsonGenerator g, Conversation c) throws IOException {
        Instant start = start(c);
        Duration duration = Duration.between(start, end(c, start));
        g.writeStartObject();
        g.writeStringField("_resourceType", "websocket");
        g.writeArrayFieldStart("_webSocketMessages");
        for (Messages.Message m : Messages.of(c)) writeMessage(g, m);
        g.writeEndArray();
        g.writeObjectFieldStart("cache");
        g.writeEndObject();
        writeRequest(g, c);
        writeResponse(g, c.handshake());
        g.writeStringField("startedDateTime", Times.isoMillis(start));
        writeNumber(g, "time", Times.millis(duration));
        // What is known: the handshake was over when it was reported, and the connection lasted until the
        // close; as a browser counts a WebSocket's time, all of it is "receive".
        g.writeObjectFieldStart("timings");
        g.writeNumberField("blocked", -1);
        g.writeNumberField("dns", -1);
        g.writeNumberField("ssl", -1);
        g.writeNumberField("connect", -1);
        g.writeNumberField("send", 0);
        g.writeNumberField("wait", 0);
        writeNumber(g, "receive", Times.millis(duration));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeMessage(JsonGenerator g, Messages.Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", m.inbound() ? "receive" : "send");
        writeNumber(g, "time", Times.epochSeconds(m.at()));
        g.writeNumberField("opcode", m.opcode());
        g.writeStringField("data", m.opcode() == FrameInfo.TEXT ? new String(m.data(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(m.data()));
        g.writeEndObject();
    }

    private static void writeRequest(JsonGenerator g, Conversation c) throws IOException {
        HandshakeRecord h = c.handshake() == null ? null : c.handshake().record();
        String[] requestLine = h == null ? new String[0] : h.requestLine().split(" ");
        g.writeObjectFieldStart("request");
        g.writeStringField("method", requestLine.length >= 1 && !requestLine[0].isEmpty() ? requestLine[0] : "GET");
        g.writeStringField("url", c.url().toString());
        g.writeStringField("httpVersion", requestLine.length >= 3 ? requestLine[2] : "HTTP/1.1");
        writeHeaders(g, h == null ? List.of() : h.requestHeaders());
        g.writeArrayFieldStart("queryString");
        for (String[] p : queryParameters(c.url())) {
            g.writeStartObject();
            g.writeStringField("name", p[0]);
            g.writeStringField("value", p[1]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cookies");
        g.writeEndArray();
        g.writeNumberField("headersSize", h == null ? -1 : utf8Length(h.request()));
        g.writeNumberField("bodySize", 0);
        g.writeEndObject();
    }

    private static void writeResponse(JsonGenerator g, Conversation.Handshake handshake) throws IOException {
        HandshakeRecord h = handshake == null ? null : handshake.record();
        boolean answered = h != null && !h.response().isEmpty();
        // HAR's way of saying "no response": status 0, sizes -1.
        String[] statusLine = answered ? h.statusLine().split(" ", 3) : new String[0];
        String body = answered ? h.body() : "";
        g.writeObjectFieldStart("response");
        g.writeNumberField("status", answered ? Math.max(0, h.status()) : 0);
        g.writeStringField("statusText", statusLine.length >= 3 ? statusLine[2] : "");
        g.writeStringField("httpVersion", answered ? statusLine[0] : "");
        writeHeaders(g, answered ? h.responseHeaders() : List.of());
        g.writeArrayFieldStart("cookies");
        g.writeEndArray();
        g.writeObjectFieldStart("content");
        g.writeNumberField("size", utf8Length(body));
        String type = answered ? h.responseHeader("Content-Type") : "";
        g.writeStringField("mimeType", type.isEmpty() ? "x-unknown" : type);
        if (!body.isEmpty()) g.writeStringField("text", body);
        g.writeEndObject();
        g.writeStringField("redirectURL", answered ? h.responseHeader("Location") : "");
        g.writeNumberField("headersSize", answered ? utf8Length(h.response()) - utf8Length(body) : -1);
        g.writeNumberField("bodySize", answered ? utf8Length(body) : -1);
        g.writeEndObject();
    }

    private static void writeHeaders(JsonGenerator g, List<HandshakeRecord.Header> headers) throws IOException {
        g.writeArrayFieldStart("headers");
        for (HandshakeRecord.Header header : headers) {
            g.writeStartObject();
            g.writeStringField("name", header.name());
            g.writeStringField("value", header.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A number already in its text form: exact decimals, no exponent, no binary rounding on the way. */
    private static void writeNumber(JsonGenerator g, String name, String number) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(number);
    }

    /** The URL's query as name-value pairs, still percent-encoded, as Chrome writes them. */
    private static List<String[]> queryParameters(URI url) {
        List<String[]> out = new ArrayList<>();
        String query = url.getRawQuery();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new String[] {name, value});
        }
        return out;
    }

    /** When the connection began: the earliest thing known, as a frame may be reported before the handshake. */
    private static Instant start(Conversation c) {
        Instant start = c.handshake() != null ? c.handshake().at() : null;
        if (!c.frames().isEmpty()) start = earlier(start, c.frames().get(0).at());
        if (start == null && c.close() != null) start = c.close().at();
        return start != null ? start : Instant.EPOCH;
    }

    private static Instant end(Conversation c, Instant start) {
        Instant end = start;
        if (!c.frames().isEmpty()) end = later(end, c.frames().get(c.frames().size() - 1).at());
        if (c.close() != null) end = later(end, c.close().at());
        return end;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
