package dev.duplex.decode.socketio;

import java.net.URI;
import java.net.URISyntaxException;

/** The URL a Socket.IO client opens its WebSocket to, from the server's address a user types. */
public final class SocketIoUrl {
    static final String PATH = "/socket.io/";
    static final String QUERY = "EIO=4&transport=websocket";

    private SocketIoUrl() { }

    /**
     * A bare address ({@code ws://host:3000} or {@code …/}) gets Socket.IO's default path; a URL without an
     * {@code EIO=} query gets {@code EIO=4&transport=websocket}, and one with its own {@code EIO=} but no
     * transport gets {@code transport=websocket}. A path of its own (a server mounted
     * elsewhere) and any other query are kept.
     */
    /** Whether the URL asks for Engine.IO v3 ({@code EIO=3}, Socket.IO 2's), not v4. */
    public static boolean isEngine3(URI url) {
        String query = url.getRawQuery();
        return query != null && query.matches("(^|.*&)EIO=3(&.*|$)");
    }

    public static URI complete(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                ? PATH : url.getRawPath();
        String query = url.getRawQuery();
        if (query == null || query.isEmpty()) {
            query = QUERY;
        } else if (!query.matches("(^|.*&)EIO=.*")) {
            query = query + "&" + QUERY;
        } else if (!query.matches("(^|.*&)transport=.*")) {
            query = query + "&transport=websocket"; // an EIO= of the user's own (EIO=3, say), over the WebSocket
        }
        try {
            return new URI(url.getScheme() + "://" + url.getRawAuthority() + path + "?" + query);
        } catch (URISyntaxException e) {
            return url; // it was a URI a moment ago: keep it as it was
        }
    }
}
