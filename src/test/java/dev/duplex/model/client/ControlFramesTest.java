package dev.duplex.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.ModelThread;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.net.WsEvent;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.wire.FrameInfo;

/** A tab's control-frame lab and burst without a window, against the lab server on loopback. */
class ControlFramesTest {
    private final ModelThread fx = new ModelThread();
    private final LabServer server = new LabServer(event -> { });
    private ClientTab tab;

    @BeforeEach
    void open() throws Exception {
        server.start(ServerConfig.defaults().withPort(0));
        tab = fx.call(() -> new ClientTab(fx.dispatcher(), new MessageLibrary(), server.url().toString(), true, "", 1_000));
        fx.run(tab::connect);
        fx.until(() -> tab.stateProperty().get() == ClientState.OPEN);
    }

    @AfterEach
    void close() throws Exception {
        fx.call(tab::shutdown).get(10, TimeUnit.SECONDS);
        server.stop();
        fx.close();
    }

    private List<WsEvent> log() throws Exception {
        return fx.call(() -> List.copyOf(tab.log().events()));
    }

    @Test
    void aPingWithAPayloadComesBackAsAPongWithItsRoundTrip() throws Exception {
        fx.run(() -> {
            tab.controlFrames().pingPayloadProperty().set("rtt?");
            tab.controlFrames().ping();
        });
        fx.until(() -> tab.log().events().stream().anyMatch(e -> e instanceof WsEvent.Pong p
                && java.util.Arrays.equals(p.payload().bytes(), "rtt?".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                && p.rttNanos() > 0));
    }

    @Test
    void badLabFieldsAreNoticesThatNameTheField() throws Exception {
        fx.run(() -> {
            ControlFrames c = tab.controlFrames();
            c.fragmentSizeProperty().set("0");
            c.sendFragmented();
            assertEquals("form.fragmentSize", tab.noticeProperty().get().key());
            c.pingEveryProperty().set("never");
            c.togglePeriodicPing();
            assertEquals("form.pingEvery", tab.noticeProperty().get().key());
            c.closeCodeProperty().set("abc");
            c.closeWith();
            assertEquals("form.closeCode", tab.noticeProperty().get().key());
            tab.burst().countProperty().set("-1");
            tab.burst().start();
            assertEquals("form.burst", tab.noticeProperty().get().key());
            assertEquals(ClientState.OPEN, tab.stateProperty().get(), "nothing was sent: the connection stays open");
        });
    }

    @Test
    void theMessageBoxGoesOutInFragmentsOfTheChosenSize() throws Exception {
        fx.run(() -> {
            tab.composer().textProperty().set("abcdefghij");
            tab.controlFrames().fragmentSizeProperty().set("4");
            tab.controlFrames().sendFragmented();
        });
        fx.until(() -> tab.log().events().stream().anyMatch(e -> e instanceof WsEvent.Received r
                && r.payload().text().equals("abcdefghij")));
        long outbound = fx.call(() -> tab.wire().frames().events().stream()
                .filter(e -> e instanceof WsEvent.Frame f && !f.frame().inbound()
                        && (f.frame().opcode() == FrameInfo.TEXT || f.frame().opcode() == FrameInfo.CONTINUATION))
                .count());
        assertEquals(3, outbound, "10 bytes in fragments of 4: 4 + 4 + 2");
    }

    @Test
    void aCodeAFrameMayNotCarryGoesOutAsTypedAndTheServerAnswers1002() throws Exception {
        fx.run(() -> {
            tab.controlFrames().closeCodeProperty().set("999");
            tab.controlFrames().closeWith();
            assertEquals(ClientState.CLOSING, tab.stateProperty().get());
        });
        fx.until(() -> tab.stateProperty().get() == ClientState.DISCONNECTED);
        WsEvent.Closed closed = (WsEvent.Closed) log().stream().filter(e -> e instanceof WsEvent.Closed).findFirst()
                .orElseThrow();
        assertEquals(1002, closed.code(), "our server refuses a close frame with 999 as a protocol error");
    }

    @Test
    void aBurstSendsItsMessagesAndCountsEveryReply() throws Exception {
        fx.run(() -> {
            tab.burst().templateProperty().set("burst {n}");
            tab.burst().countProperty().set("20");
            tab.burst().start();
        });
        fx.until(() -> tab.burst().statsProperty().get() != null && tab.burst().statsProperty().get().answered() == 20);
        Burst.Stats stats = fx.call(() -> tab.burst().statsProperty().get());
        assertEquals(20, stats.sent());
        assertTrue(stats.p50() <= stats.p99() && stats.p99() <= stats.max(), stats.toString());
        fx.until(() -> !tab.burst().runningProperty().get());
    }
}
