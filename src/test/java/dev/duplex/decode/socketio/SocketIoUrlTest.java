package dev.duplex.decode.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The URL a Socket.IO client opens, from what a user types, and which Engine.IO it speaks. */
class SocketIoUrlTest {
    private static String complete(String typed) {
        return SocketIoUrl.complete(URI.create(typed)).toString();
    }

    @Test
    void aBareAddressGetsThePathAndEngineIo4OverTheWebSocket() {
        assertEquals("ws://h:3000/socket.io/?EIO=4&transport=websocket", complete("ws://h:3000"));
        assertEquals("ws://h:3000/socket.io/?EIO=4&transport=websocket", complete("ws://h:3000/"));
        assertEquals("wss://h/chat/?token=t&EIO=4&transport=websocket", complete("wss://h/chat/?token=t"));
    }

    @Test
    void anEngineIoOfTheUsersOwnIsKeptAndGoesOverTheWebSocket() {
        assertEquals("ws://h/socket.io/?EIO=3&transport=websocket", complete("ws://h/?EIO=3"));
        assertEquals("ws://h/socket.io/?EIO=3&transport=websocket", complete("ws://h/socket.io/?EIO=3&transport=websocket"));
        assertTrue(SocketIoUrl.isEngine3(URI.create("ws://h/socket.io/?EIO=3&transport=websocket")));
        assertTrue(SocketIoUrl.isEngine3(URI.create("ws://h/?x=1&EIO=3")));
        assertFalse(SocketIoUrl.isEngine3(URI.create("ws://h/socket.io/?EIO=4&transport=websocket")));
        assertFalse(SocketIoUrl.isEngine3(URI.create("ws://h/?EIO=30")));
    }
}
