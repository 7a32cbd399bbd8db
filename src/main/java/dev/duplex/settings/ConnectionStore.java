package dev.duplex.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.duplex.files.AtomicFiles;

/**
 * Saved connections, grouped in named collections, kept in {@code connections.json} in the user's data
 * directory: readable JSON (indented, UTF-8), written atomically (beside, then moved over). A file that
 * cannot be read is moved aside, never overwritten, and the caller is told.
 */
public final class ConnectionStore {
    public static final String FILE_NAME = "connections.json";
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Everything needed to open a connection again the same way.
     *
     * @param origin  the Origin typed ("" for the same-host default)
     * @param headers extra header lines, "Name: value" each
     * @param deflateParams permessage-deflate's parameters as typed ("" offers what a browser does)
     * @param rules   the tab's rules as typed (JSON or YAML, "" for none)
     * @param environment the named environment the tab connects in ("" for none)
     * @param protocol the application protocol the tab speaks, {@link SavedProtocol#NONE} for none
     */
    public record SavedConnection(String collection, String name, String url, boolean sendOrigin, String origin,
            List<String> headers, List<String> subprotocols, boolean deflate, String deflateParams, int timeoutMs,
            List<SavedMessage> messages, String rules, String environment, SavedProtocol protocol) {
        public SavedConnection {
            protocol = protocol == null ? SavedProtocol.NONE : protocol;
            deflateParams = deflateParams == null ? "" : deflateParams;
            rules = rules == null ? "" : rules;
            environment = environment == null ? "" : environment;
            headers = List.copyOf(headers);
            subprotocols = List.copyOf(subprotocols);
            messages = List.copyOf(messages);
        }

        /** "collection / name", how a list shows it. */
        public String label() {
            return collection + " / " + name;
        }
    }

    /** What was read, and where a broken file went (null if none). */
    public record Loaded(List<SavedConnection> connections, Path movedAside) { }

    private final Path dir;

    public ConnectionStore(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    public Loaded load() {
        Path file = file();
        if (!Files.isRegularFile(file)) return new Loaded(List.of(), null);
        try (InputStream in = Files.newInputStream(file)) {
            return new Loaded(read(in), null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(List.of(), AtomicFiles.moveAside(file));
        }
    }

    /** Writes every connection, replacing the file at once. */
    public void save(List<SavedConnection> connections) throws IOException {
        AtomicFiles.write(file(), out -> write(connections, out));
    }

    static void write(List<SavedConnection> connections, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("connections");
            for (SavedConnection c : connections) {
                g.writeStartObject();
                g.writeStringField("collection", c.collection());
                g.writeStringField("name", c.name());
                g.writeStringField("url", c.url());
                g.writeBooleanField("sendOrigin", c.sendOrigin());
                g.writeStringField("origin", c.origin());
                strings(g, "headers", c.headers());
                strings(g, "subprotocols", c.subprotocols());
                g.writeBooleanField("permessageDeflate", c.deflate());
                g.writeStringField("permessageDeflateParams", c.deflateParams());
                g.writeNumberField("connectTimeoutMs", c.timeoutMs());
                g.writeArrayFieldStart("messages");
                for (SavedMessage m : c.messages()) {
                    g.writeStartObject();
                    g.writeStringField("name", m.name());
                    g.writeStringField("mode", m.mode().name());
                    g.writeStringField("text", m.text());
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (!c.rules().isEmpty()) g.writeStringField("rules", c.rules());
                if (!c.environment().isEmpty()) g.writeStringField("environment", c.environment());
                if (!c.protocol().equals(SavedProtocol.NONE)) protocol(g, c.protocol());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void protocol(JsonGenerator g, SavedProtocol p) throws IOException {
        g.writeObjectFieldStart("protocol");
        g.writeStringField("name", p.name());
        g.writeBooleanField("heartbeat", p.heartbeat());
        if (!p.login().isEmpty()) g.writeStringField("login", p.login());
        if (!p.password().isEmpty()) g.writeStringField("password", p.password());
        if (!p.connectionInit().isEmpty()) g.writeStringField("connectionInit", p.connectionInit());
        if (!p.virtualHost().isEmpty()) g.writeStringField("virtualHost", p.virtualHost());
        if (!p.will().isEmpty()) g.writeStringField("will", p.will());
        g.writeEndObject();
    }

    private static SavedProtocol protocol(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_OBJECT);
        String name = "", login = "", password = "", connectionInit = "", virtualHost = "", will = "";
        boolean heartbeat = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = p.getValueAsString("");
                case "heartbeat" -> heartbeat = p.getValueAsBoolean(true);
                case "login" -> login = p.getValueAsString("");
                case "password" -> password = p.getValueAsString("");
                case "connectionInit" -> connectionInit = p.getValueAsString("");
                case "virtualHost" -> virtualHost = p.getValueAsString("");
                case "will" -> will = p.getValueAsString("");
                default -> p.skipChildren();
            }
        }
        return new SavedProtocol(name, heartbeat, login, password, connectionInit, virtualHost, will);
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    static List<SavedConnection> read(InputStream in) throws IOException {
        List<SavedConnection> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("connections")) {
                    expect(p, t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) out.add(connection(p));
                } else {
                    p.skipChildren(); // "version", and whatever a newer Duplex adds
                }
            }
        }
        return out;
    }

    private static SavedConnection connection(JsonParser p) throws IOException {
        String collection = "", name = "", url = "", origin = "", deflateParams = "", rules = "", environment = "";
        boolean sendOrigin = true, deflate = false;
        int timeout = 5_000;
        List<String> headers = List.of(), subprotocols = List.of();
        List<SavedMessage> messages = new ArrayList<>();
        SavedProtocol protocol = SavedProtocol.NONE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "collection" -> collection = p.getValueAsString("");
                case "name" -> name = p.getValueAsString("");
                case "url" -> url = p.getValueAsString("");
                case "origin" -> origin = p.getValueAsString("");
                case "sendOrigin" -> sendOrigin = p.getValueAsBoolean(true);
                case "permessageDeflate" -> deflate = p.getValueAsBoolean(false);
                case "permessageDeflateParams" -> deflateParams = p.getValueAsString("");
                case "connectTimeoutMs" -> timeout = p.getValueAsInt(5_000);
                case "rules" -> rules = p.getValueAsString("");
                case "environment" -> environment = p.getValueAsString("");
                case "headers" -> headers = strings(p, t);
                case "subprotocols" -> subprotocols = strings(p, t);
                case "protocol" -> protocol = protocol(p, t);
                case "messages" -> {
                    expect(p, t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String mName = "", mode = "TEXT", text = "";
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            switch (f) {
                                case "name" -> mName = p.getValueAsString("");
                                case "mode" -> mode = p.getValueAsString("TEXT");
                                case "text" -> text = p.getValueAsString("");
                                default -> p.skipChildren();
                            }
                        }
                        messages.add(new SavedMessage(mName, dev.duplex.protocol.MessageMode.named(mode), text));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (name.isBlank() || url.isBlank()) throw new IOException("a connection needs a name and a URL, at " + p.currentLocation());
        return new SavedConnection(collection, name, url, sendOrigin, origin, headers, subprotocols, deflate, deflateParams, timeout, messages, rules, environment, protocol);
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        expect(p, t, JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) values.add(p.getValueAsString(""));
        return values;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) throw new IOException("expected " + wanted + ", found " + got + ", at " + p.currentLocation());
    }
}
