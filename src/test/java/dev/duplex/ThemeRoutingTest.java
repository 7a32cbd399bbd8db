package dev.duplex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code duplex --theme dark [URL]} opens the window in that theme; a theme that is none of ours goes to the command line. */
class ThemeRoutingTest {

    private static String[] window(String... args) {
        return Main.windowArguments(args).orElse(null);
    }

    @Test
    void aThemeWithOrWithoutALinkOpensTheWindow() {
        assertArrayEquals(new String[] {"--theme=dark"}, window("--theme", "dark"));
        assertArrayEquals(new String[] {"--theme=light"}, window("--theme=Light"));
        assertArrayEquals(new String[] {"--theme=dark", "ws://127.0.0.1:8080/"}, window("--theme", "dark", "ws://127.0.0.1:8080/"));
        assertArrayEquals(new String[] {"--theme=system", "wss://h/"}, window("wss://h/", "--theme", "system"));
        assertArrayEquals(new String[] {"ws://h/"}, window("ws://h/"), "a link alone passes as it came");
        assertArrayEquals(new String[0], window());
    }

    /** The command line then says what is wrong (see ThemeCommandLineTest), rather than a window opening anyway. */
    @Test
    void aBadOrMissingThemeOrAnythingElseGoesToTheCommandLine() {
        assertFalse(Main.opensWindow(new String[] {"--theme", "blue"}));
        assertFalse(Main.opensWindow(new String[] {"--theme", "blue", "ws://h/"}));
        assertFalse(Main.opensWindow(new String[] {"--theme"}));
        assertFalse(Main.opensWindow(new String[] {"--theme", "dark", "serve"}));
        assertFalse(Main.opensWindow(new String[] {"--theme", "dark", "ws://a/", "ws://b/"}));
        assertTrue(Main.opensWindow(new String[] {"--theme", "dark", "--theme", "light"}), "the last one counts");
    }
}
