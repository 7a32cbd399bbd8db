package dev.duplex.model.client;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.options.ClientTlsInput;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A client tab's connection options, folded under the URL: Origin, extra headers, subprotocols to
 * offer, permessage-deflate, the connect timeout, the proxy, and the collection and name it is saved under. FX
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
    /** permessage-deflate's parameters to offer, as the header writes them; empty offers what a browser does. */
    private final StringProperty deflateParams = new SimpleStringProperty(this, "deflateParams", "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout",
            Integer.toString(ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS));
    /** The proxy typed: empty for the environment's, "none", or a proxy URL (see {@link ClientInput#proxy}). */
    private final StringProperty proxy = new SimpleStringProperty(this, "proxy", "");
    /** A client certificate (PKCS#12 or PEM), its PEM key, their password, and a CA file: paths as typed. */
    private final StringProperty clientCert = new SimpleStringProperty(this, "clientCert", "");
    private final StringProperty clientKey = new SimpleStringProperty(this, "clientKey", "");
    /** Kept in memory only: never saved with a connection. */
    private final StringProperty clientCertPassword = new SimpleStringProperty(this, "clientCertPassword", "");
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final StringProperty collection = new SimpleStringProperty(this, "collection", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    /** Whether Save keeps the secrets typed in the URL and headers; unticked they are left out (masked). */
    private final BooleanProperty saveSecrets = new SimpleBooleanProperty(this, "saveSecrets", false);

    ConnectionOptions(boolean sendOriginInitially, String initialOrigin) {
        sendOrigin.set(sendOriginInitially);
        origin.set(initialOrigin);
    }

    /**
     * Where to connect and how, read from {@code url} and these options by the options layer as
     * {@code connect} reads its arguments; or the first field that does not check.
     */
    Checked<ClientInput.Connection> connection(String url) {
        return connection(url, java.util.function.UnaryOperator.identity());
    }

    /** The same, {@code {{name}}} in the URL, the Origin and the headers filled by {@code fill} first. */
    Checked<ClientInput.Connection> connection(String url, java.util.function.UnaryOperator<String> fill) {
        return new ClientInput(fill.apply(url), sendOrigin.get(), fill.apply(origin.get()), fill.apply(headers.get()),
                subprotocols.get(), deflate.get(), connectTimeout.get(), deflateParams.get()).connection();
    }

    /** The proxy to go through, as the options layer reads the field; or why it does not read. */
    Checked<ProxyChoice> proxyChoice() {
        return ClientInput.proxy(proxy.get());
    }

    /** The client certificate, key, password and CA file as typed, for the options layer to check and read. */
    ClientTlsInput clientTls() {
        return new ClientTlsInput(clientCert.get(), clientKey.get(), clientCertPassword.get(), caFile.get());
    }

    public StringProperty proxyProperty() { return proxy; }
    public BooleanProperty sendOriginProperty() { return sendOrigin; }
    public StringProperty originProperty() { return origin; }
    public StringProperty headersProperty() { return headers; }
    public StringProperty subprotocolsProperty() { return subprotocols; }
    public BooleanProperty deflateProperty() { return deflate; }
    public StringProperty deflateParamsProperty() { return deflateParams; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty collectionProperty() { return collection; }
    public StringProperty nameProperty() { return name; }
    public BooleanProperty saveSecretsProperty() { return saveSecrets; }
    public StringProperty clientCertProperty() { return clientCert; }
    public StringProperty clientKeyProperty() { return clientKey; }
    public StringProperty clientCertPasswordProperty() { return clientCertPassword; }
    public StringProperty caFileProperty() { return caFile; }
}
