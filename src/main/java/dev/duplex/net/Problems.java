package dev.duplex.net;

import dev.duplex.net.outbound.ProxyFailure;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Turns the exceptions of the JDK and of Java-WebSocket into a {@link Problem} a person can read. */
public final class Problems {
    private Problems() { }

    public static Problem of(Throwable t) {
        if (t instanceof org.java_websocket.exceptions.InvalidDataException bad) {
            // The library found the peer's frames broken (a reserved opcode, bad UTF-8, too big …).
            return new Problem(Problem.Kind.PEER_BROKE_PROTOCOL, bad.getCloseCode() + " " + message(bad));
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProxyFailure proxy) {
                Problem.Kind kind = switch (proxy.kind()) {
                    case UNREACHABLE -> Problem.Kind.PROXY_UNREACHABLE;
                    case REFUSED -> Problem.Kind.PROXY_REFUSED;
                    case BROKEN -> Problem.Kind.PROXY_BROKEN;
                    case BAD_VARIABLE -> Problem.Kind.PROXY_BAD_VARIABLE;
                };
                return new Problem(kind, proxy.detail(), proxy.proxy());
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root
                && !(root instanceof ConnectException || root instanceof UnknownHostException)) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return new Problem(Problem.Kind.CONNECTION_REFUSED, message(root));
        }
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return new Problem(Problem.Kind.UNKNOWN_HOST, message(root));
        }
        if (root instanceof SocketTimeoutException) {
            return new Problem(Problem.Kind.TIMED_OUT, message(root));
        }
        if (root instanceof BindException) {
            return new Problem(Problem.Kind.PORT_IN_USE, message(root));
        }
        if (root instanceof NoRouteToHostException) {
            return new Problem(Problem.Kind.OTHER, "no route to host");
        }
        return new Problem(Problem.Kind.OTHER, message(root));
    }

    /** The exception's own message, or its simple class name when it has none. */
    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
