package dev.duplex;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which command lines open the window and which go to the command line's commands. */
class MainRoutingTest {

    private static boolean window(String... args) {
        return Main.opensWindow(args);
    }

    @Test
    void noArgumentOrOneWsLinkOpensTheWindow() {
        assertTrue(window());
        assertTrue(window("ws://example.com:8080/chat"));
        assertTrue(window("wss://example.com/"));
        assertTrue(window("WSS://Example.com/"), "a scheme in capitals is still a link");
    }

    /** A link that will not check is still the window's: its tab says what is wrong. */
    @Test
    void aBadLinkStillOpensTheWindow() {
        assertTrue(window("ws://exa mple/"));
        assertTrue(window("ws://host:99999/"));
        assertTrue(window("ws:"));
    }

    @Test
    void everythingElseStaysWithTheCommandLine() {
        assertFalse(window("serve"));
        assertFalse(window("connect", "ws://example.com/"));
        assertFalse(window("--help"));
        assertFalse(window("--version"));
        assertFalse(window("http://example.com/"), "not a WebSocket link: the command line says it is unknown");
        assertFalse(window("ws://a/", "ws://b/"), "two links are not one to open");
        assertFalse(window("wsx://example.com/"));
    }
}
