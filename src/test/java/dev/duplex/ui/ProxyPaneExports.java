package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.testfx.api.FxRobot;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.ConversationFile;
import dev.duplex.i18n.ProxyText;
import dev.duplex.i18n.Texts;
import dev.duplex.model.proxy.ProxyModel;

/** What the Proxy pane's Export… writes for the chosen pair of {@link ProxyPaneWindowTest}'s run. */
final class ProxyPaneExports {
    private ProxyPaneExports() { }

    /**
     * The server leg as JSON Lines and as HAR (its URL {@code upstream}, its handshake, the server's two echoes,
     * the close Duplex made in the client's place), and the pair's log as text, a line each as the pane reads it.
     */
    static void check(FxRobot robot, ProxyModel proxy, URI upstream) throws Exception {
        Path dir = Files.createTempDirectory("duplex-proxy-export");
        for (String name : new String[] {"pair.jsonl", "pair.har"}) {
            Path file = dir.resolve(name);
            robot.interact(() -> proxy.exportSelected(file));
            until(() -> Files.exists(file) && onFx(() -> proxy.noticeProperty().get()) != null);
            List<Conversation> saved = ConversationFile.read(file);
            assertEquals(1, saved.size());
            Conversation leg = saved.get(0);
            assertEquals(upstream, leg.url());
            assertTrue(leg.handshake().record().requestLine().startsWith("GET " + upstream.getRawPath() + "?"
                    + upstream.getRawQuery()), name);
            if (name.endsWith(".jsonl")) {
                // HAR keeps no close. Duplex closed this leg in the client's place (with its code: see the test).
                assertTrue(leg.close() != null && !leg.close().byServer(), String.valueOf(leg.close()));
            }
            long fromServer = leg.frames().stream().filter(f -> f.info().inbound() && f.info().opcode() == 1).count();
            assertEquals(2, fromServer, name + ": the server's two echoes");
        }
        Path text = dir.resolve("pair.txt");
        ProxyText asText = new ProxyText(Texts.of(Locale.ENGLISH));
        robot.interact(() -> proxy.saveSelectedLog(text, e -> asText.line(e).toString()));
        until(() -> Files.exists(text) && onFx(() -> proxy.noticeProperty().get()).key().equals("file.savedLog"));
        List<String> lines = Files.readAllLines(text);
        assertEquals(onFx(() -> proxy.selectedProperty().get().log().size()), lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("hello")), String.join("\n", lines));
    }
}
