package dev.duplex.model.client;

import java.util.List;
import java.util.function.Consumer;

import dev.duplex.model.Notice;
import dev.duplex.options.Checked;
import dev.duplex.options.ClientInput;
import dev.duplex.options.CurlInput;
import dev.duplex.shell.CommandLines;
import javafx.beans.property.StringProperty;

/**
 * A tab and the shell, both ways: a browser's "Copy as cURL" pasted into the URL field becomes the tab's
 * URL, Origin, headers and subprotocols; and the tab is written as a command others can run. FX thread only.
 */
public final class SharedCommands {
    /** The tools a tab can be written for. */
    public enum Tool { DUPLEX, WEBSOCAT, WSCAT }

    private final StringProperty url;
    private final ConnectionOptions options;
    private final Consumer<Notice> notice;
    private final Login login;

    SharedCommands(StringProperty url, ConnectionOptions options, Login login, Consumer<Notice> notice) {
        this.url = url;
        this.options = options;
        this.login = login;
        this.notice = notice;
    }

    /**
     * Takes a pasted curl command into the options, and says what was taken and left out; returns the URL
     * for the field, or null when it does not read (the notice says why, and nothing is changed).
     */
    public String paste(String pasted) {
        Checked<CurlInput> read = CurlInput.parse(pasted);
        if (!read.isOk()) {
            notice.accept(Notice.of(read.problem()));
            return null;
        }
        CurlInput c = read.value();
        options.sendOriginProperty().set(c.origin() != null);
        options.originProperty().set(c.origin() == null ? "" : c.origin());
        options.headersProperty().set(String.join("\n", c.headers()));
        options.subprotocolsProperty().set(String.join(", ", c.subprotocols()));
        notice.accept(Notice.of("curl.taken", c.headers().size(), c.subprotocols().size(),
                c.dropped().isEmpty() ? "-" : String.join(", ", c.dropped())));
        return c.url();
    }

    /** The tab as a command line for {@code tool}, or null when its URL or options do not read (the notice says why). */
    public String command(Tool tool) {
        Checked<ClientInput.Connection> chosen = options.connection(url.get());
        if (!chosen.isOk()) {
            notice.accept(Notice.of(chosen.problem()));
            return null;
        }
        Checked<dev.duplex.options.AuthInput.Auth> auth = login.auth();
        if (!auth.isOk()) {
            notice.accept(Notice.of(auth.problem()));
            return null;
        }
        ClientInput.Connection c = auth.value().applyTo(chosen.value());
        String proxy = options.proxyProperty().get() == null ? "" : options.proxyProperty().get().strip();
        CommandLines lines = new CommandLines(c.url(), c.options().origin(), c.options().headers(),
                List.copyOf(c.options().subprotocols()), proxy.isEmpty() || proxy.equalsIgnoreCase("none") ? null : proxy);
        return switch (tool) {
            case DUPLEX -> CommandLines.withClientTls(lines.duplex(), options.clientCertProperty().get(),
                    options.clientKeyProperty().get(), options.caFileProperty().get());
            case WEBSOCAT -> lines.websocat();
            case WSCAT -> CommandLines.wscatWithClientTls(lines.wscat(), options.clientCertProperty().get(),
                    options.clientKeyProperty().get(), options.caFileProperty().get());
        };
    }

    /** Says the command is on the clipboard. */
    public void copied(Tool tool) {
        notice.accept(Notice.of("command.copied", tool.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
