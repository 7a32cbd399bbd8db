package dev.duplex.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.wire.FrameInfo;

/**
 * Reads the WebSocket entries of a HAR, as {@link HarFormat} describes, Chrome's or another tool's: a
 * conversation per entry, one entry in memory at a time, and the rest of the file passed over unread.
 */
final class HarReader {
    /** Read nowhere, and possibly megabytes (response bodies, stack traces): skipped unread. */
    private static final Set<String> SKIPPED = Set.of("content", "postData", "_initiator", "cookies");

    private HarReader() { }

    /** See {@link HarFormat#read}. */
    static List<Conversation> read(InputStream in) throws IOException, ConversationFileException {
        JsonParser p = JsonFactories.FACTORY.createParser(in);
        try (p) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ConversationFileException(1, 0, "the file is empty: not a HAR file");
            if (first != JsonToken.START_OBJECT) throw here(p, "not a HAR file: it must be a JSON object");
            List<Conversation> out = firstField(p, "log", HarReader::readLog);
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
        List<Conversation> out = firstField(p, "entries", HarReader::readEntries);
        if (out == null) throw noEntries;
        return out;
    }

    private interface FieldReader {
        List<Conversation> read(JsonParser p) throws IOException, ConversationFileException;
    }

    /**
     * Reads the object the parser is in up to its end, with {@code reader} at the first field called
     * {@code name} and every other field skipped unread (a HAR holds pages, bodies and timings we never
     * need); null when there is no such field.
     */
    private static List<Conversation> firstField(JsonParser p, String name, FieldReader reader)
            throws IOException, ConversationFileException {
        List<Conversation> out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(name) && out == null) out = reader.read(p);
            else p.skipChildren();
        }
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
        URI url = request.uri("url");
        Instant started = entry.instant("startedDateTime");
        HandshakeRecord handshake = new HandshakeRecord(requestText(request, url), responseText(entry));
        List<Conversation.Frame> frames = new ArrayList<>();
        for (Node message : entry.optArray("_webSocketMessages")) {
            Conversation.Frame frame = frame(message.asObject("a WebSocket message"));
            if (frame != null) frames.add(frame);
        }
        return new Conversation(url, new Conversation.Handshake(started, handshake), frames, null);
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
        if (time.textOrNull() != null) return message.instant("time");
        try {
            return Times.fromEpochSeconds(message.number("time"));
        } catch (DateTimeException | ArithmeticException e) {
            throw time.error("\"time\" is out of range: " + time.describe());
        }
    }

    /** A problem at the parser's current token. */
    private static ConversationFileException here(JsonParser p, String problem) {
        return new ConversationFileException(p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(),
                problem);
    }
}
