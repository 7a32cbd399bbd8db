package dev.duplex.net.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

import dev.duplex.net.Problem;
import dev.duplex.net.deflate.PerMessageDeflate;

/** What the client's upgrade request offers and carries, as the library takes it: its draft and its headers. */
final class ClientUpgrade {
    private ClientUpgrade() { }

    /** The Origin (when one is sent) and the other headers, in order. */
    static Map<String, String> headers(ClientOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (options.origin() != null && !options.origin().isBlank()) headers.put("Origin", options.origin());
        headers.putAll(options.headers());
        return headers;
    }

    /** The library's draft, offering the subprotocols and extensions the options ask for. */
    static Draft_6455 draft(ClientOptions options) {
        List<IExtension> extensions = new ArrayList<>();
        if (options.deflate() != null) extensions.add(new PerMessageDeflate(false, options.deflate(), options.maxMessage()));
        // Accepts a server that declines every extension, as browsers do.
        extensions.add(new DefaultExtension());
        List<IProtocol> protocols = new ArrayList<>();
        for (String p : options.subprotocols()) protocols.add(new Protocol(p));
        // Accepts a server that picks none of them: a browser then opens with protocol "".
        protocols.add(new Protocol(""));
        return new Draft_6455(extensions, protocols, options.maxMessage());
    }

    /**
     * The first extension in the server's Sec-WebSocket-Extensions that was not offered, or null (RFC 6455
     * 4.1 (5): such an answer fails the connection). The library's DefaultExtension, there to accept a
     * server that declines every extension, takes any name the server answers.
     */
    static String unofferedExtension(String answered, boolean deflateOffered) {
        for (String ext : answered.split(",")) {
            String name = ext.split(";", 2)[0].strip();
            if (name.isEmpty() || (deflateOffered && name.equalsIgnoreCase("permessage-deflate"))) continue;
            return name;
        }
        return null;
    }

    /**
     * What makes the server's answer one to refuse, or null: an extension never offered (found by duplex check
     * --client, 0.14 and 0.15: the library opened on it); a permessage-deflate answer our extension refused
     * ({@code draft} is the connection's own, which negotiated; the library would open on its catch-all extension
     * and fail the first compressed frame); a subprotocol not offered (RFC 6455 4.1, as a browser fails it; the
     * library takes it, because we also accept "none" and it matches leniently).
     */
    static Problem answerProblem(String extensions, boolean deflateOffered, org.java_websocket.drafts.Draft draft,
            String subprotocol, List<String> offered) {
        String unoffered = unofferedExtension(extensions, deflateOffered);
        if (unoffered != null) return new Problem(Problem.Kind.UNOFFERED_EXTENSION, unoffered);
        String refused = deflateOffered ? deflateRefusal(draft) : null;
        if (refused != null) return new Problem(Problem.Kind.BAD_HANDSHAKE, "permessage-deflate: " + refused);
        if (subprotocol.isEmpty() || offered.contains(subprotocol)) return null;
        return new Problem(Problem.Kind.UNOFFERED_SUBPROTOCOL,
                subprotocol + (offered.isEmpty() ? "" : " ∉ " + String.join(", ", offered)));
    }

    /** Why our permessage-deflate refused the server's answer to it, or null (taken, or not answered). */
    static String deflateRefusal(org.java_websocket.drafts.Draft draft) {
        if (!(draft instanceof Draft_6455 d)) return null;
        for (IExtension e : d.getKnownExtensions()) {
            if (e instanceof PerMessageDeflate p && p.refusal() != null) return p.refusal();
        }
        return null;
    }
}
