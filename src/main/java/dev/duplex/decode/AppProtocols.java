package dev.duplex.decode;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.duplex.decode.socketio.SocketIoSession;

/**
 * The application protocols Duplex speaks, by the name users type, and the choice {@code auto} makes from the
 * URL: a path with {@code /socket.io/} or an {@code EIO=} query is Socket.IO.
 */
public final class AppProtocols {
    public static final String AUTO = "auto";
    public static final String SOCKET_IO = "socket.io";
    /** What {@code --decode} takes, in the order its help lists them. */
    public static final List<String> NAMES = List.of(SOCKET_IO, AUTO);

    private AppProtocols() { }

    /** Whether a typed name is one of {@link #NAMES} (in any case). */
    public static boolean known(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The protocol for a connection to {@code url}: empty when {@code auto} finds none. */
    public static Optional<AppProtocol> forConnection(String name, URI url, boolean heartbeat) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals(AUTO)) n = guess(url);
        if (n.equals(SOCKET_IO)) return Optional.of(new SocketIoSession(heartbeat));
        return Optional.empty();
    }

    /**
     * The URL the protocol connects to: for Socket.IO, a bare server address gets the path and query a
     * Socket.IO client would use ({@code /socket.io/?EIO=4&transport=websocket}); other URLs are kept.
     */
    public static URI completeUrl(String name, URI url) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals(AUTO)) n = guess(url);
        return n.equals(SOCKET_IO) ? dev.duplex.decode.socketio.SocketIoUrl.complete(url) : url;
    }

    static String guess(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : url.getRawQuery();
        if (path.contains("/socket.io/") || query.matches("(^|.*&)EIO=\\d.*")) return SOCKET_IO;
        return "";
    }
}
