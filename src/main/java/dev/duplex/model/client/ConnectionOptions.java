package dev.duplex.model.client;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.duplex.model.Notice;
import dev.duplex.net.WsUrl;
import dev.duplex.net.client.ClientOptions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A client tab's connection options, folded under the URL: Origin, extra headers, subprotocols to
 * offer, permessage-deflate, the connect timeout, and the collection and name it is saved under. FX
 * thread only.
 */
public final class ConnectionOptions {
    private final BooleanProperty sendOrigin = new SimpleBooleanProperty(this, "sendOrigin");
    /** The Origin typed; empty sends the one a page on the same host would. */
    private final StringProperty origin = new SimpleStringProperty(this, "origin");
    /** Extra handshake headers, one "Name: value" per line. */
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    /** Subprotocols to offer, separated by commas or spaces. */
    private final StringProperty subprotocols = new SimpleStringProperty(this, "subprotocols", "");
    private final BooleanProperty deflate = new SimpleBooleanProperty(this, "deflate", false);
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout",
            Integer.toString(ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS));
    private final StringProperty collection = new SimpleStringProperty(this, "collection", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");

    ConnectionOptions(boolean sendOriginInitially, String initialOrigin) {
        sendOrigin.set(sendOriginInitially);
        origin.set(initialOrigin);
    }

    /** What an option that does not check is called, for the tab's notice. */
    public static final class Invalid extends Exception {
        private final transient Notice notice;

        Invalid(Notice notice) {
            super(notice.key(), null, false, false);
            this.notice = notice;
        }

        public Notice notice() { return notice; }
    }

    /** The options for a connection to {@code uri}, checked. */
    ClientOptions toClientOptions(URI uri) throws Invalid {
        String originHeader = null;
        if (sendOrigin.get()) {
            String typed = text(origin.get()).strip();
            originHeader = typed.isEmpty() ? WsUrl.defaultOrigin(uri) : typed;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (String line : text(headers.get()).split("\\R")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new Invalid(Notice.of("form.header", line.strip()));
            extra.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new ClientOptions(originHeader, extra, timeoutMs(), offered(), deflate.get());
    }

    /** The connect timeout in ms, checked. */
    int timeoutMs() throws Invalid {
        try {
            int timeout = Integer.parseInt(text(connectTimeout.get()).strip());
            if (timeout < 1 || timeout > 600_000) throw new NumberFormatException();
            return timeout;
        } catch (NumberFormatException e) {
            throw new Invalid(Notice.of("form.timeout"));
        }
    }

    /** The subprotocols to offer, in order. */
    public List<String> offered() {
        return Arrays.stream(text(subprotocols.get()).split("[,\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    /** The header lines as typed, blank ones left out. */
    public List<String> headerLines() {
        return text(headers.get()).lines().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    public BooleanProperty sendOriginProperty() { return sendOrigin; }
    public StringProperty originProperty() { return origin; }
    public StringProperty headersProperty() { return headers; }
    public StringProperty subprotocolsProperty() { return subprotocols; }
    public BooleanProperty deflateProperty() { return deflate; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty collectionProperty() { return collection; }
    public StringProperty nameProperty() { return name; }
}
