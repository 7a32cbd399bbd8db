package dev.duplex.decode.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.decode.AppProtocol;
import dev.duplex.net.Payload;

/**
 * An emit typed before the server has said the namespace is joined is held and goes after that answer: npm's
 * socket.io ends a session that emits first (seen in the window, where a tab could emit as soon as it opened).
 * The packets are those socket.io 4.8.1 sends, as the command-line test against it prints them.
 */
class SocketIoSessionTest {
    @Test
    void anEmitBeforeTheJoinWaitsForIt() {
        SocketIoSession session = new SocketIoSession(true);
        AppProtocol.Turn early = session.command("emit", "chat \"early\"");
        assertTrue(early.replies().isEmpty(), "nothing goes before the join");
        assertEquals("decode.sio.held", early.lines().get(early.lines().size() - 1).key());
        assertTrue(session.awaiting(), "connect's wait at the end of input waits for it too");

        AppProtocol.Turn open = session.received(Payload.text(
                "0{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"));
        assertEquals(List.of(Payload.text("40")), open.replies(), "the join, and still not the emit");

        AppProtocol.Turn joined = session.received(Payload.text("40{\"sid\":\"b\"}"));
        assertEquals(List.of(Payload.text("42[\"chat\",\"early\"]")), joined.replies());
        assertFalse(session.awaiting());

        AppProtocol.Turn later = session.command("emit", "chat \"later\"");
        assertEquals(List.of(Payload.text("42[\"chat\",\"later\"]")), later.replies(), "after the join an emit goes at once");
    }
}
