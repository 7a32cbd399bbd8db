package dev.duplex.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import dev.duplex.Version;
import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;

/**
 * Conversations as HAR 1.2, the way Chrome DevTools saves a WebSocket ("Save all as HAR with content"): one
 * entry per connection, {@code "_resourceType": "websocket"}, the handshake as its request and response,
 * and the messages in {@code _webSocketMessages}, each {@code {"type": "send"|"receive", "time": seconds
 * since the epoch, "opcode": 1|2, "data": text, or base64 for binary}}. Such a file opens in DevTools, in
 * HAR viewers, and in Duplex again.
 *
 * <p>HAR keeps less than {@link JsonLinesFormat}, as Chrome does:
 * <ul>
 * <li>Messages, not frames. A fragmented message is exported whole, its fragments joined, at the time of
 *     its last frame (when it was complete, which is when a browser reports it); control frames (ping,
 *     pong, close) are left out, as Chrome lists none. A message compressed with permessage-deflate
 *     (RSV1) is exported inflated, as a browser shows it. See {@link Messages} for frames a browser would
 *     have refused. Invalid UTF-8 in a text message becomes U+FFFD, as data must be a string.
 * <li>Message times to the microsecond, as Chrome's; the entry's start to the millisecond.
 * <li>Importing makes one final, unmasked-looking frame per message: the HAR has no masking key, so
 *     {@code maskKey} is null for what was sent, though {@code wireLength} counts the 4 key bytes a
 *     browser puts on every frame it sends. A refused handshake's body and the close are not imported (the
 *     HAR has no close; Chrome's bodies of upgrades are empty).
 * <li>Opcode 1 is text, 2 is base64; any other opcode from 0 to 15 (Chrome writes none) is imported with
 *     its data as text, since there is no telling it was meant otherwise. Chrome's {@code "error"} entries
 *     (opcode -1, an error message as data) are not frames and are skipped.
 * </ul>
 *
 * <p>Reading takes every entry whose {@code _resourceType} is {@code "websocket"} or that has {@code
 * _webSocketMessages}, each as its own conversation, and passes over the rest (pages, documents, scripts,
 * their bodies) without reading their contents.
 */
public final class HarFormat {
    /** The file name extension, for save dialogs. */
    public static final String EXTENSION = "har";

    /** Read nowhere, and possibly megabytes (response bodies, stack traces): skipped unread. */
    private static final Set<String> SKIPPED = Set.of("content", "postData", "_initiator", "cookies");

    private HarFormat() { }

    // ---- writing ----

    /** Writes one conversation as a HAR with one entry to {@code out} (which stays open). */
    public static void write(Conversation conversation, OutputStream out) throws IOException {
        write(List.of(conversation), out);
    }

    /** Writes the conversations as a HAR with an entry each, in order, to {@code out} (which stays open). */
    public static void write(List<Conversation> conversations, OutputStream out) throws IOException {
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
    static List<String[]> queryParameters(URI url) {
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

    // ---- reading ----

    /**
     * The WebSocket connections in a HAR (none when it holds none), read from {@code in} (which stays open).
     *
     * @throws ConversationFileException when the text is not a HAR, or a WebSocket entry in it is damaged: the
     *                              line and column, and what is wrong
     * @throws IOException          when {@code in} fails
     */
    public static List<Conversation> read(InputStream in) throws IOException, ConversationFileException {
        JsonParser p = JsonFactories.FACTORY.createParser(in);
        try (p) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ConversationFileException(1, 0, "the file is empty: not a HAR file");
            if (first != JsonToken.START_OBJECT) throw here(p, "not a HAR file: it must be a JSON object");
            List<Conversation> out = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("log") && out == null) out = readLog(p);
                else p.skipChildren();
            }
            if (p.nextToken() != null) throw here(p, "more after the end of the HAR's object");
            if (out == null) throw new ConversationFileException(1, 1, "no \"log\": not a HAR file");
            return out;
        } catch (JsonProcessingException e) {
            throw Node.syntax(e, p, 0);
        }
    }

    private static List<Conversation> readLog(JsonParser p) throws IOException, ConversationFileException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw here(p, "\"log\" must be an object");
        ConversationFileException noEntries = here(p, "\"log\" has no \"entries\": not a HAR file");
        List<Conversation> out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("entries") && out == null) out = readEntries(p);
            else p.skipChildren();
        }
        if (out == null) throw noEntries;
        return out;
    }

    /** One entry in memory at a time (without its bodies), so a HAR of any size can be read. */
    private static List<Conversation> readEntries(JsonParser p) throws IOException, ConversationFileException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw here(p, "\"entries\" must be an array");
        List<Conversation> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Node entry = Node.read(p, 0, SKIPPED).asObject("an entry");
            Node type = entry.get("_resourceType");
            boolean webSocket = type != null && "websocket".equals(type.textOrNull());
            if (webSocket || entry.has("_webSocketMessages")) out.add(conversation(entry));
        }
        return out;
    }

    private static Conversation conversation(Node entry) throws ConversationFileException {
        Node request = entry.object("request");
        URI url = url(request);
        Instant started = instant(entry, "startedDateTime");
        HandshakeRecord handshake = new HandshakeRecord(requestText(request, url), responseText(entry));
        List<Conversation.Frame> frames = new ArrayList<>();
        for (Node message : entry.optArray("_webSocketMessages")) {
            Conversation.Frame frame = frame(message.asObject("a WebSocket message"));
            if (frame != null) frames.add(frame);
        }
        return new Conversation(url, new Conversation.Handshake(started, handshake), frames, null);
    }

    private static URI url(Node request) throws ConversationFileException {
        String text = request.string("url");
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw request.require("url").error("\"url\" is not a URL: " + e.getMessage());
        }
    }

    /** The upgrade request as it went on the wire, put back together from its parts. */
    private static String requestText(Node request, URI url) throws ConversationFileException {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String version = request.optString("httpVersion", "");
        StringBuilder sb = new StringBuilder();
        sb.append(request.optString("method", "GET")).append(' ').append(target).append(' ')
                .append(version.isBlank() ? "HTTP/1.1" : version).append("\r\n");
        appendHeaders(sb, request);
        return sb.append("\r\n").toString();
    }

    /** The answer's status line and headers, or "" when the HAR says none came (status 0, no headers). */
    private static String responseText(Node entry) throws ConversationFileException {
        Node response = entry.get("response");
        if (response == null || response.isNull()) return "";
        response = response.asObject("\"response\"");
        long status = response.has("status") ? response.integer("status", 0, 999) : 0;
        if (status == 0 && response.optArray("headers").isEmpty()) return "";
        String version = response.optString("httpVersion", "");
        String statusText = response.optString("statusText", "");
        StringBuilder sb = new StringBuilder();
        sb.append(version.isBlank() ? "HTTP/1.1" : version).append(' ').append(status);
        if (!statusText.isEmpty()) sb.append(' ').append(statusText);
        sb.append("\r\n");
        appendHeaders(sb, response);
        return sb.append("\r\n").toString();
    }

    private static void appendHeaders(StringBuilder sb, Node message) throws ConversationFileException {
        for (Node header : message.optArray("headers")) {
            header.asObject("a header");
            sb.append(header.string("name")).append(": ").append(header.string("value")).append("\r\n");
        }
    }

    /** One message as one final frame, or null for Chrome's "error" entries, which are not frames. */
    private static Conversation.Frame frame(Node message) throws ConversationFileException {
        String type = message.string("type");
        boolean inbound;
        switch (type) {
            case "receive" -> inbound = true;
            case "send" -> inbound = false;
            case "error" -> {
                return null;
            }
            default -> throw message.require("type").error("\"type\" must be \"send\", \"receive\" or \"error\", found "
                    + message.require("type").describe());
        }
        Instant at = messageTime(message);
        int opcode = (int) message.integer("opcode", 0, 15);
        String data = message.string("data");
        byte[] payload;
        if (opcode == FrameInfo.BINARY) {
            try {
                payload = Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw message.require("data").error("\"data\" of a binary message must be base64: " + e.getMessage());
            }
        } else {
            payload = data.getBytes(StandardCharsets.UTF_8);
        }
        FrameInfo info = new FrameInfo(inbound, true, false, false, false, opcode, null, payload.length,
                Messages.wireLength(payload.length, !inbound), payload);
        return new Conversation.Frame(at, info);
    }

    /** Seconds since the epoch as Chrome writes it; an ISO-8601 string, as some other tools write, will do too. */
    private static Instant messageTime(Node message) throws ConversationFileException {
        Node time = message.require("time");
        if (time.textOrNull() != null) return instant(message, "time");
        try {
            return Times.fromEpochSeconds(message.number("time"));
        } catch (DateTimeException | ArithmeticException e) {
            throw time.error("\"time\" is out of range: " + time.describe());
        }
    }

    private static Instant instant(Node object, String name) throws ConversationFileException {
        String text = object.string(name);
        try {
            return Times.parseIso(text);
        } catch (DateTimeException e) {
            throw object.require(name).error("\"" + name + "\" must be an ISO-8601 time, found "
                    + object.require(name).describe());
        }
    }

    /** A problem at the parser's current token. */
    private static ConversationFileException here(JsonParser p, String problem) {
        return new ConversationFileException(p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(),
                problem);
    }
}
