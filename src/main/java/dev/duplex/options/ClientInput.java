package dev.duplex.options;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.duplex.net.WsUrl;
import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.net.outbound.ProxyAddress;
import dev.duplex.net.outbound.ProxyChoice;
import dev.duplex.tls.Fingerprint;

/**
 * A client connection as typed (a client tab's URL and Connection options, {@code connect}'s URL and
 * options). Each text may be null for "not given": its default then applies.
 *
 * @param url            a ws:// or wss:// URL
 * @param sendOrigin     send an Origin header, as a browser does
 * @param origin         the Origin to send; empty sends the one a page on the same host would
 * @param headers        extra handshake headers, {@code Name: value} one a line
 * @param subprotocols   the subprotocols to offer, in order, separated by commas or spaces
 * @param deflate        offer permessage-deflate
 * @param connectTimeout ms to wait for the connection, 1 to 600 000 (default 10 000)
 * @param deflateParams  permessage-deflate's parameters to offer ({@link DeflateInput}), when {@code deflate}
 */
public record ClientInput(String url, boolean sendOrigin, String origin, String headers, String subprotocols,
        boolean deflate, String connectTimeout, String deflateParams) {

    /** With permessage-deflate offered as a browser offers it, when on. */
    public ClientInput(String url, boolean sendOrigin, String origin, String headers, String subprotocols,
            boolean deflate, String connectTimeout) {
        this(url, sendOrigin, origin, headers, subprotocols, deflate, connectTimeout, null);
    }

    /** Where to connect and how. */
    public record Connection(URI url, ClientOptions options) { }

    /** The URL and options to connect with, or the first field that does not check, in the form's order. */
    public Checked<Connection> connection() {
        try {
            URI uri = url(url).orThrow();
            String originHeader = null;
            if (sendOrigin) {
                String typed = Typed.text(origin).strip();
                if (Typed.hasControl(typed)) throw new Checked.Invalid(FieldProblem.of(Field.ORIGIN, "form.origin", typed));
                originHeader = typed.isEmpty() ? WsUrl.defaultOrigin(uri) : typed;
            }
            Map<String, String> extra = headers(headers).orThrow();
            List<String> offered = subprotocols(subprotocols).orThrow();
            int timeout = connectTimeout(connectTimeout).orThrow();
            DeflateParams compression = deflate ? DeflateInput.params(deflateParams).orThrow() : null;
            return Checked.ok(new Connection(uri, new ClientOptions(originHeader, extra, timeout, offered, compression)));
        } catch (Checked.Invalid e) {
            return Checked.bad(e.problem);
        }
    }

    /** A ws:// or wss:// URL, with the problems {@link WsUrl#parse} names (url.scheme suggests the fix). */
    public static Checked<URI> url(String typed) {
        try {
            return Checked.ok(WsUrl.parse(typed));
        } catch (WsUrl.InvalidUrlException e) {
            return Checked.bad(Field.URL, e.key(), e.detail());
        }
    }

    /** The header lines as a checked list, in order, as a saved connection keeps them. */
    public static Checked<List<String>> headerLines(String typed) {
        return Typed.headerLines(typed, Field.HEADERS, "form.header");
    }

    /** Extra handshake headers by name, in order (a name typed twice keeps its last value). */
    public static Checked<Map<String, String>> headers(String typed) {
        return headerLines(typed).map(lines -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (String line : lines) {
                int colon = line.indexOf(':');
                map.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            return map;
        });
    }

    /** The subprotocols to offer, in order: HTTP tokens, separated by commas or spaces. */
    public static Checked<List<String>> subprotocols(String typed) {
        List<String> names = Typed.names(typed);
        for (String n : names) {
            if (!Typed.token(n)) return Checked.bad(Field.SUBPROTOCOLS, "form.subprotocols", n);
        }
        return Checked.ok(names);
    }

    /** How long to wait for the connection: 1 to 600 000 ms; null is the default, 10 000. */
    public static Checked<Integer> connectTimeout(String typed) {
        return Typed.wholeNumber(typed, 1, 600_000, ClientOptions.DEFAULT_CONNECT_TIMEOUT_MS, Field.CONNECT_TIMEOUT,
                "form.timeout");
    }

    /**
     * How long {@code connect} waits for the last replies once its input has ended: 0 to 3 600 000 ms;
     * null is the default, 1000.
     */
    public static Checked<Integer> replyWaitMs(String typed) {
        return Typed.wholeNumber(typed, 0, 3_600_000, 1_000, Field.WAIT, "form.wait");
    }

    /**
     * The proxy to go through: empty (or null) for the environment's, {@code none} for none, or
     * {@code http://[user:pass@]host:port}, {@code socks5://…}, {@code socks5h://…} (a bare host:port is HTTP).
     */
    public static Checked<ProxyChoice> proxy(String typed) {
        String text = Typed.text(typed).strip();
        if (text.isEmpty()) return Checked.ok(ProxyChoice.FROM_ENVIRONMENT);
        if (text.equalsIgnoreCase("none")) return Checked.ok(ProxyChoice.NONE);
        if (Typed.hasControl(text)) return Checked.bad(Field.OUTBOUND_PROXY, "form.proxy.invalid", text);
        try {
            return Checked.ok(ProxyChoice.of(ProxyAddress.parse(text)));
        } catch (ProxyAddress.InvalidProxyException e) {
            return Checked.bad(Field.OUTBOUND_PROXY, e.key(), e.detail());
        }
    }

    /** Certificates to trust besides the usual ones, by their SHA-256 fingerprints (64 hex digits, colons optional). */
    public static Checked<List<Fingerprint>> trusted(List<String> typed) {
        List<Fingerprint> out = new ArrayList<>();
        for (String f : typed == null ? List.<String>of() : typed) {
            try {
                out.add(Fingerprint.parse(Typed.text(f)));
            } catch (IllegalArgumentException e) {
                return Checked.bad(Field.TRUST, "form.fingerprint", Typed.text(f).strip());
            }
        }
        return Checked.ok(List.copyOf(out));
    }
}
