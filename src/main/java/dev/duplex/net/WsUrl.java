package dev.duplex.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks what a user typed as a WebSocket URL, and says what is wrong with it in a way a view can show. */
public final class WsUrl {
    private WsUrl() { }

    /** Why a URL was refused; {@code key} names the message in the resource bundles. */
    public static final class InvalidUrlException extends Exception {
        private final String key;
        private final String detail;

        InvalidUrlException(String key, String detail) {
            super(key + ": " + detail);
            this.key = key;
            this.detail = detail;
        }

        public String key() {
            return key;
        }

        public String detail() {
            return detail;
        }
    }

    /**
     * Parses a ws:// or wss:// URL. A URL without a path gets "/", as a browser does.
     *
     * @throws InvalidUrlException with key url.empty, url.malformed, url.scheme, url.host, url.port or url.fragment
     */
    public static URI parse(String text) throws InvalidUrlException {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new InvalidUrlException("url.empty", "");
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("url.malformed", e.getReason() + " (" + (e.getIndex() + 1) + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            String suggestion = switch (scheme) {
                case "http" -> "ws" + t.substring(4);
                case "https" -> "wss" + t.substring(5);
                // "localhost:8080" parses as scheme "localhost": only a "://" marks a real scheme.
                default -> t.contains("://") ? "ws" + t.substring(t.indexOf("://")) : "ws://" + t;
            };
            throw new InvalidUrlException("url.scheme", suggestion);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // URI leaves the host null when it is not a valid server name (say "ws://exa mple" or "ws://:80").
            throw new InvalidUrlException("url.host", t);
        }
        if (uri.getPort() > 65535) throw new InvalidUrlException("url.port", String.valueOf(uri.getPort()));
        if (uri.getRawFragment() != null) throw new InvalidUrlException("url.fragment", "#" + uri.getRawFragment());
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            uri = URI.create(scheme + "://" + uri.getRawAuthority() + "/"
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        return uri;
    }

    /** The Origin a page served over http(s) from the same host and port would send. */
    public static String defaultOrigin(URI url) {
        String scheme = "wss".equalsIgnoreCase(url.getScheme()) ? "https" : "http";
        return scheme + "://" + url.getRawAuthority();
    }
}
