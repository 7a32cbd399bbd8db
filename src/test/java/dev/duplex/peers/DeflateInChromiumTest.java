package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.duplex.net.WsEvent;
import dev.duplex.net.deflate.DeflateParams;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

/**
 * Debian's Chromium speaking permessage-deflate with our server: Chromium offers
 * {@code permessage-deflate; client_max_window_bits}, checks our answer as RFC 7692 7.1 has it (a bad one fails
 * its connection), and inflates every echo with its own zlib. The page sends text and binary messages from a
 * few bytes to 100 KB, repetitive and not, each after the last echo, and compares each echo with what it sent.
 */
class DeflateInChromiumTest {
    /** The page: {@code window.report} is set once every echo has been compared, or the socket ended. */
    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>deflate</title>
            <script>
            let seed = 7;
            function rand() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; }
            const noisy = Array.from({length: 20000}, () => String.fromCharCode(33 + rand() % 90)).join('');
            const bytes = new Uint8Array(50000).map(() => rand() % 256);
            const sent = ['hello', '你好啊 shiming 小哥哥 '.repeat(300), 'abcdefghij'.repeat(10000), noisy, bytes,
                          new Uint8Array(70000).fill(42), 'bye'];
            const report = {echoed: 0, wrong: []};
            const ws = new WebSocket(location.hash.substring(1));
            ws.binaryType = 'arraybuffer';
            let i = 0;
            ws.onopen = () => { report.extensions = ws.extensions; ws.send(sent[0]); };
            ws.onmessage = (e) => {
              const want = sent[i];
              const same = typeof want === 'string' ? e.data === want
                  : e.data instanceof ArrayBuffer && e.data.byteLength === want.length
                    && new Uint8Array(e.data).every((b, k) => b === want[k]);
              if (same) report.echoed++; else report.wrong.push(i);
              if (++i < sent.length) ws.send(sent[i]); else ws.close(1000, 'done');
            };
            ws.onclose = (e) => { report.code = e.code; window.report = report; };
            </script>
            """;

    private final EventRecorder serverEvents = new EventRecorder();
    private final LabServer server = new LabServer(serverEvents);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void chromiumTakesOurDefaultAnswerAndEveryEchoInflates() throws Exception {
        Map<String, Object> report = converse(DeflateParams.DEFAULT);
        assertEquals("permessage-deflate", report.get("extensions"));
    }

    @Test
    void chromiumKeepsToTheWindowAndContextsOurServerAsksFor() throws Exception {
        Map<String, Object> report = converse(DeflateParams.typed(
                "server_no_context_takeover; client_no_context_takeover; client_max_window_bits=9"));
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover; client_max_window_bits=9",
                report.get("extensions"));
    }

    private Map<String, Object> converse(DeflateParams ours) throws Exception {
        server.setDeflate(ours);
        int port = server.start(new ServerConfig("127.0.0.1", 0, "", null)).getPort();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            String origin = chromium.serve("deflate.html", PAGE);
            chromium.driver().get(origin + "/deflate.html#ws://127.0.0.1:" + port + "/");
            Map<String, Object> report;
            try {
                report = new WebDriverWait(chromium.driver(), EventRecorder.TIMEOUT).until(d -> report(d));
            } catch (TimeoutException e) {
                fail("the page did not finish; our server's events: " + serverEvents.history(), e);
                return Map.of();
            }
            String json = report.toString();
            assertEquals(7, ((Number) report.get("echoed")).intValue(), () -> json + "; server: " + serverEvents.history());
            assertEquals(List.of(), report.get("wrong"), json);
            assertEquals(1000, ((Number) report.get("code")).intValue(), json);
            assertCompressedBothWays();
            return report;
        }
    }

    /** Every data frame on the wire had RSV1 set, and what our tap inflated from Chromium is what it sent. */
    private void assertCompressedBothWays() {
        List<FrameInfo> data = serverEvents.wire().stream()
                .filter(WsEvent.Frame.class::isInstance).map(e -> ((WsEvent.Frame) e).frame())
                .filter(f -> f.opcode() == FrameInfo.TEXT || f.opcode() == FrameInfo.BINARY).toList();
        assertEquals(14, data.size(), "7 messages each way, one frame each: " + data.size());
        assertTrue(data.stream().allMatch(FrameInfo::rsv1), "every message compressed");
        FrameInfo hello = data.stream().filter(FrameInfo::inbound).findFirst().orElseThrow();
        assertEquals("hello", new String(hello.inflated(), StandardCharsets.UTF_8));
        assertTrue(hello.payloadLength() != 5 || hello.payload()[0] != 'h', "on the wire it is not the text itself");
    }

    /** The page's report as the driver hands a JS object over (a map; numbers as Long), or null until set. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(org.openqa.selenium.WebDriver d) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeScript("return window.report || null;");
    }
}
