package dev.duplex.conversation;

import dev.duplex.protocol.Utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.duplex.net.wire.FrameInfo;
import dev.duplex.net.HandshakeRecord;

/**
 * A {@link Conversation} as JSON Lines: UTF-8, one JSON object a line, each ending with {@code \n}. Made to
 * be read by people and by {@code jq}, and to lose nothing: reading a file this class wrote gives an equal
 * conversation, and writing that again gives the same bytes.
 *
 * <pre>
 * {"type":"handshake","url":"ws://host/chat","time":"…","request":"GET /chat HTTP/1.1\r\n…","response":"HTTP/1.1 101 …"}
 * {"type":"frame","time":"2024-05-01T12:00:00.123456789Z","direction":"out","opcode":1,"opcodeName":"text",
 *  "fin":true,"rsv1":false,"rsv2":false,"rsv3":false,"masked":true,"maskKey":"0a1b2c3d","payloadLength":5,
 *  "wireLength":11,"text":"hello"}        (one line in the file)
 * {"type":"close","time":"…","code":1000,"reason":"bye","wasClean":true,"byServer":false}
 * </pre>
 *
 * <ul>
 * <li>The handshake line always comes first, as it carries the URL; with no captured handshake its
 *     {@code time}, {@code request} and {@code response} are null. The close line, when there is one, is last.
 * <li>Times are ISO-8601 in UTC with all nine digits of nanoseconds.
 * <li>A payload is {@code "text"} when the frame carries text (a text frame, or a continuation of a text
 *     message) and its bytes alone are valid UTF-8; otherwise {@code "base64"}: binary and control frames, a
 *     fragment that splits a character, invalid UTF-8 a peer sent. Either reads back as the same bytes, on
 *     any frame.
 * <li>{@code payloadLength} is what the frame header declared; the payload itself may be shorter when the
 *     capture cut it at {@link FrameInfo#PAYLOAD_CAP}. {@code opcodeName} and {@code masked} are there for
 *     the reader's eye: when present they must agree with {@code opcode} and {@code maskKey}.
 * <li>Any opcode from 0 to 15 is kept, reserved ones included: a misbehaving peer's frame is what one
 *     wants to look at later.
 * </ul>
 *
 * <p>Reading ignores fields it does not know, and blank lines; anything else wrong is a
 * {@link ConversationFileException} naming the line.
 */
public final class JsonLinesFormat {
    /** The file name extension, for save dialogs. */
    public static final String EXTENSION = "jsonl";

    private static final HexFormat HEX = HexFormat.of();

    private JsonLinesFormat() { }

    // ---- writing ----

    /** Writes {@code conversation} to {@code out} (which stays open). */
    public static void write(Conversation conversation, OutputStream out) throws IOException {
        JsonGenerator g = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        // Lines end with \n instead of Jackson's space between root values.
        g.setRootValueSeparator(null);
        writeHandshake(g, conversation);
        boolean[] inTextMessage = new boolean[2]; // by direction: out, in
        for (Conversation.Frame frame : conversation.frames()) {
            FrameInfo f = frame.info();
            int direction = f.inbound() ? 1 : 0;
            boolean carriesText = !f.control()
                    && (f.opcode() == FrameInfo.TEXT || f.opcode() == FrameInfo.CONTINUATION && inTextMessage[direction]);
            if (!f.control()) {
                // A message starts with a data frame and ends with a FIN; control frames may come in between.
                if (f.opcode() != FrameInfo.CONTINUATION) inTextMessage[direction] = f.opcode() == FrameInfo.TEXT;
                if (f.fin()) inTextMessage[direction] = false;
            }
            writeFrame(g, frame, carriesText);
        }
        if (conversation.close() != null) writeClose(g, conversation.close());
        g.flush();
    }

    private static void writeHandshake(JsonGenerator g, Conversation c) throws IOException {
        Conversation.Handshake h = c.handshake();
        g.writeStartObject();
        g.writeStringField("type", "handshake");
        g.writeStringField("url", c.url().toString());
        g.writeStringField("time", h == null ? null : Times.isoNanos(h.at()));
        g.writeStringField("request", h == null ? null : h.record().request());
        g.writeStringField("response", h == null ? null : h.record().response());
        endLine(g);
    }

    private static void writeFrame(JsonGenerator g, Conversation.Frame frame, boolean carriesText) throws IOException {
        FrameInfo f = frame.info();
        g.writeStartObject();
        g.writeStringField("type", "frame");
        g.writeStringField("time", Times.isoNanos(frame.at()));
        g.writeStringField("direction", f.inbound() ? "in" : "out");
        g.writeNumberField("opcode", f.opcode());
        g.writeStringField("opcodeName", f.opcodeName());
        g.writeBooleanField("fin", f.fin());
        g.writeBooleanField("rsv1", f.rsv1());
        g.writeBooleanField("rsv2", f.rsv2());
        g.writeBooleanField("rsv3", f.rsv3());
        g.writeBooleanField("masked", f.masked());
        g.writeStringField("maskKey", f.masked() ? HEX.formatHex(f.maskKey()) : null);
        g.writeNumberField("payloadLength", f.payloadLength());
        g.writeNumberField("wireLength", f.wireLength());
        String text = carriesText ? Utf8.decodeOrNull(f.payload()) : null;
        if (text != null) g.writeStringField("text", text);
        else g.writeStringField("base64", Base64.getEncoder().encodeToString(f.payload()));
        endLine(g);
    }

    private static void writeClose(JsonGenerator g, Conversation.Close close) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "close");
        g.writeStringField("time", Times.isoNanos(close.at()));
        g.writeNumberField("code", close.code());
        g.writeStringField("reason", close.reason());
        g.writeBooleanField("wasClean", close.wasClean());
        g.writeBooleanField("byServer", close.byServer());
        endLine(g);
    }

    private static void endLine(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }

    // ---- reading ----

    /**
     * Reads a conversation from {@code in} (which stays open).
     *
     * @throws ConversationFileException when the text is not such a file: the line, and what is wrong with it
     * @throws IOException          when {@code in} fails
     */
    public static Conversation read(InputStream in) throws IOException, ConversationFileException {
        Lines lines = new Lines(in);
        URI url = null;
        Conversation.Handshake handshake = null;
        List<Conversation.Frame> frames = new ArrayList<>();
        Conversation.Close close = null;
        String line;
        while ((line = lines.next()) != null) {
            int number = lines.number();
            if (line.isBlank()) continue;
            Node object = parseLine(line, number);
            Node type = object.require("type");
            String kind = object.string("type");
            if (url == null && !kind.equals("handshake")) {
                throw type.error("the first line must be the handshake line, found a \"" + kind + "\" line");
            }
            if (close != null) throw type.error("a \"" + kind + "\" line after the close line");
            switch (kind) {
                case "handshake" -> {
                    if (url != null) throw type.error("a second handshake line");
                    url = object.uri("url");
                    handshake = handshake(object);
                }
                case "frame" -> frames.add(frame(object));
                case "close" -> close = close(object);
                default -> throw type.error("unknown \"type\" \"" + kind + "\": expected handshake, frame or close");
            }
        }
        if (url == null) {
            throw new ConversationFileException(Math.max(1, lines.number()), 0,
                    "no handshake line: the file holds no conversation");
        }
        return new Conversation(url, handshake, frames, close);
    }

    /** One line as a JSON object, with positions counted in the file. */
    private static Node parseLine(String line, int number) throws IOException, ConversationFileException {
        JsonParser p = JsonFactories.FACTORY.createParser(line);
        try (p) {
            p.nextToken();
            Node node = Node.read(p, number - 1, Set.of());
            if (!node.isObject()) throw node.error("a line must hold a JSON object, found " + node.describe());
            if (p.nextToken() != null) {
                throw new ConversationFileException(number, p.currentTokenLocation().getColumnNr(),
                        "more after the JSON object: one object a line");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Node.syntax(e, p, number - 1);
        }
    }

    private static Conversation.Handshake handshake(Node line) throws ConversationFileException {
        String time = line.stringOrNull("time");
        String request = line.stringOrNull("request");
        String response = line.stringOrNull("response");
        // All three, or none (no handshake captured): anything between would be lost on the way in.
        if (request == null && (time != null || response != null)) {
            throw line.require("request").error("\"request\" is null but \"time\" or \"response\" is not: "
                    + "give all three, or null for all when no handshake was captured");
        }
        if (request == null) return null;
        if (time == null) throw line.require("time").error("\"time\" must be a time when there is a request");
        if (response == null) {
            throw line.require("response").error("\"response\" must be a string when there is a request "
                    + "(\"\" when no answer came)");
        }
        return new Conversation.Handshake(line.instant("time"), new HandshakeRecord(request, response));
    }

    private static Conversation.Frame frame(Node line) throws ConversationFileException {
        Instant at = line.instant("time");
        boolean inbound = switch (line.string("direction")) {
            case "in" -> true;
            case "out" -> false;
            default -> throw line.require("direction").error(
                    "\"direction\" must be \"in\" or \"out\", found " + line.require("direction").describe());
        };
        int opcode = (int) line.integer("opcode", 0, 15);
        boolean fin = line.bool("fin");
        boolean rsv1 = line.bool("rsv1");
        boolean rsv2 = line.bool("rsv2");
        boolean rsv3 = line.bool("rsv3");
        byte[] maskKey = maskKey(line);
        long payloadLength = line.integer("payloadLength", 0, Long.MAX_VALUE);
        long wireLength = line.integer("wireLength", 0, Long.MAX_VALUE);
        byte[] payload = payload(line);
        if (payload.length > payloadLength) {
            throw line.require("payloadLength").error("\"payloadLength\" " + payloadLength + " is less than the "
                    + payload.length + " bytes of the payload");
        }
        FrameInfo info = new FrameInfo(inbound, fin, rsv1, rsv2, rsv3, opcode, maskKey, payloadLength, wireLength, payload);
        if (line.has("opcodeName") && !line.string("opcodeName").equals(info.opcodeName())) {
            throw line.require("opcodeName").error("\"opcodeName\" \"" + line.string("opcodeName")
                    + "\" does not match \"opcode\" " + opcode + " (" + info.opcodeName() + ")");
        }
        if (line.has("masked") && line.bool("masked") != info.masked()) {
            throw line.require("masked").error(info.masked() ? "\"masked\" is false but there is a \"maskKey\""
                    : "\"masked\" is true but \"maskKey\" is null");
        }
        return new Conversation.Frame(at, info);
    }

    private static byte[] maskKey(Node line) throws ConversationFileException {
        String hex = line.stringOrNull("maskKey");
        if (hex == null) return null;
        if (hex.length() == 8) {
            try {
                return HEX.parseHex(hex);
            } catch (IllegalArgumentException notHex) {
                // reported below
            }
        }
        throw line.require("maskKey").error("\"maskKey\" must be 8 hex digits (4 bytes) or null, found "
                + line.require("maskKey").describe());
    }

    private static byte[] payload(Node line) throws ConversationFileException {
        boolean text = line.has("text");
        boolean base64 = line.has("base64");
        if (text == base64) {
            throw line.error(text ? "both \"text\" and \"base64\": a frame has one payload"
                    : "no payload: a frame needs \"text\" or \"base64\"");
        }
        if (text) {
            byte[] bytes = Utf8.encodeOrNull(line.string("text"));
            if (bytes == null) {
                throw line.require("text").error("\"text\" holds half of a surrogate pair, which UTF-8 cannot "
                        + "carry: give such a payload as \"base64\"");
            }
            return bytes;
        }
        try {
            return Base64.getDecoder().decode(line.string("base64"));
        } catch (IllegalArgumentException e) {
            throw line.require("base64").error("\"base64\" is not base64: " + e.getMessage());
        }
    }

    private static Conversation.Close close(Node line) throws ConversationFileException {
        return new Conversation.Close(line.instant("time"), (int) line.integer("code", Integer.MIN_VALUE,
                Integer.MAX_VALUE), line.string("reason"), line.bool("wasClean"), line.bool("byServer"));
    }

    /**
     * The file's lines, decoded one at a time so that bytes that are not UTF-8 are reported on their own
     * line: a Reader decodes ahead in blocks and would fail several lines early. A line ends at \n; a \r
     * before it is dropped, as is a byte-order mark before the first.
     */
    private static final class Lines {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];
        private int chunkLength;
        private int chunkPos;
        private int number;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The 1-based number of the line {@link #next()} returned last. */
        int number() {
            return number;
        }

        /** The next line without its line break, or null at the end of the file. */
        String next() throws IOException, ConversationFileException {
            buffer.reset();
            boolean any = false;
            while (true) {
                if (chunkPos == chunkLength) {
                    chunkLength = Math.max(0, in.read(chunk));
                    chunkPos = 0;
                    if (chunkLength == 0) {
                        if (!any) return null;
                        break;
                    }
                }
                any = true;
                int end = chunkPos;
                while (end < chunkLength && chunk[end] != '\n') end++;
                buffer.write(chunk, chunkPos, end - chunkPos);
                chunkPos = Math.min(end + 1, chunkLength);
                if (end < chunkLength) break;
            }
            number++;
            byte[] bytes = buffer.toByteArray();
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') bytes = Arrays.copyOf(bytes, bytes.length - 1);
            String line = Utf8.decodeOrNull(bytes);
            if (line == null) throw new ConversationFileException(number, 0, "not UTF-8 text");
            if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            return line;
        }
    }
}
