package dev.duplex.net.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A proxy as typed ({@code http://[user:pass@]host:port}, {@code socks5://…}, {@code socks5h://…}; a bare
 * {@code host:port} is an HTTP proxy, as curl reads it). Without a port, 1080, curl's default.
 *
 * @param kind     how to ask the proxy for a tunnel
 * @param host     the proxy's host name or address (an IPv6 address without brackets)
 * @param port     the proxy's port
 * @param user     the user name, or null for none
 * @param password the password, or null for none
 */
public record ProxyAddress(Kind kind, String host, int port, String user, String password) {
    public static final int DEFAULT_PORT = 1080;

    /** How the tunnel is asked for. */
    public enum Kind {
        /** HTTP CONNECT (RFC 9110 9.3.6), with Basic authentication when there is a user. */
        HTTP("http"),
        /** SOCKS5 (RFC 1928) with the server's name resolved here, user and password by RFC 1929. */
        SOCKS5("socks5"),
        /** SOCKS5 with the server's name resolved by the proxy. */
        SOCKS5H("socks5h");

        private final String scheme;

        Kind(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    /** Why a typed proxy does not read; {@link #key()} names the words, {@link #detail()} what was typed. */
    public static final class InvalidProxyException extends IllegalArgumentException {
        private final String key;
        private final String detail;

        InvalidProxyException(String key, String detail) {
            super(key + ": " + masked(detail));
            this.key = key;
            this.detail = masked(detail);
        }

        /** What was typed, its password (if any) masked: the notice and the usage error repeat it. */
        private static String masked(String typed) {
            return typed.replaceFirst("^([A-Za-z0-9+.-]*://)?([^:@/]*):[^@/]*@", "$1$2:****@");
        }

        public String key() { return key; }
        public String detail() { return detail; }
    }

    /** Reads a typed proxy; throws {@link InvalidProxyException} with what is wrong. */
    public static ProxyAddress parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) throw new InvalidProxyException("form.proxy.invalid", text);
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new InvalidProxyException("form.proxy.invalid", text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "http" -> Kind.HTTP;
            case "socks5" -> Kind.SOCKS5;
            case "socks5h" -> Kind.SOCKS5H;
            default -> throw new InvalidProxyException("form.proxy.scheme", scheme);
        };
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new InvalidProxyException("form.proxy.invalid", text);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65_535) throw new InvalidProxyException("form.proxy.invalid", text);
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new InvalidProxyException("form.proxy.invalid", text);
        }
        return new ProxyAddress(kind, host, port, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** host:port, an IPv6 address in brackets: how the errors name the proxy. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public boolean hasUser() {
        return user != null && !user.isEmpty();
    }

    /** The proxy as a URL with its password masked, for the views and the log. */
    public String shown() {
        String who = hasUser() ? user + (password == null || password.isEmpty() ? "" : ":****") + "@" : "";
        return kind.scheme() + "://" + who + address();
    }

    @Override
    public String toString() {
        return shown();
    }
}
