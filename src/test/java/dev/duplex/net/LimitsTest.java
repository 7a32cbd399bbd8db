package dev.duplex.net;

import dev.duplex.net.client.ClientOptions;
import dev.duplex.net.client.WsClient;
import dev.duplex.net.server.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The server's limits and the RFC 6455 checks Duplex adds to Java-WebSocket, each with a fresh client
 * still served afterwards; and our client against a server that masks its frames.
 */
class LimitsTest extends OurServerAndClient {
    private URI start(ServerConfig.Limits limits) throws Exception {
        server.start(new ServerConfig("127.0.0.1", 0, "", null).withLimits(limits));
        return server.url();
    }

    /** A fresh client connects and gets its echo: the server is still serving. */
    private void stillServes(URI url) throws Exception {
        Recorder events = new Recorder();
        WsClient fresh = new WsClient(events);
        fresh.connect(url, ClientOptions.browserLike(url));
        events.next(WsEvent.Opened.class);
        fresh.send("still there?");
        assertEquals("still there?", events.next(WsEvent.Received.class).payload().text());
        fresh.close(1000, "");
        events.next(WsEvent.Closed.class);
    }

    /** A raw socket after a real handshake, to write frames no client library would. */
    private static Socket rawOpen(URI url) throws Exception {
        Socket s = new Socket("127.0.0.1", url.getPort());
        s.setSoTimeout(10_000); // a bound for a broken test, not a wait
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) throw new AssertionError("no handshake answer");
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        return s;
    }

    /** Reads frames until a close frame and returns its code; 1006 if the connection just ends. */
    private static int closeCode(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) return 1006;
            int len = in.read() & 0x7f;
            if (len == 126) len = (in.read() << 8) | in.read();
            byte[] payload = in.readNBytes(len);
            if ((b0 & 0x0f) == 0x8) return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    @Test
    void aFrameDeclaringOneGibibyteIsRefusedWith1009WithoutBeingAllocated() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT.withMaxMessage(64 * 1024));
        try (Socket s = rawOpen(url)) {
            OutputStream out = s.getOutputStream();
            // binary, FIN, masked, 64-bit length 2^30, mask key, then a few bytes of it
            out.write(new byte[] {(byte) 0x82, (byte) 0xFF, 0, 0, 0, 0, 0x40, 0, 0, 0, 1, 2, 3, 4, 9, 9, 9});
            out.flush();
            assertEquals(1009, closeCode(s));
        }
        assertEquals(1009, serverEvents.next(WsEvent.ClientLeft.class).code());
        stillServes(url);
    }

    @Test
    void aMessageOverTheLimitInFragmentsIsRefusedToo() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT.withMaxMessage(1000));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        client.sendFragmented(Payload.binary(new byte[3000]), 600);
        assertEquals(1009, clientEvents.next(WsEvent.Closed.class).code());
        stillServes(url);
    }

    @Test
    void anUnmaskedClientFrameIsClosedWith1002AndNotEchoed() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT);
        try (Socket s = rawOpen(url)) {
            s.getOutputStream().write(new byte[] {(byte) 0x81, 2, 'h', 'i'}); // text "hi", no mask
            assertEquals(1002, closeCode(s));
        }
        assertTrue(serverEvents.all().stream().noneMatch(e -> e instanceof WsEvent.Received), "not taken as a message");
        stillServes(url);
    }

    @Test
    void aCloseReasonThatIsNotUtf8IsAnsweredWith1007() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT);
        try (Socket s = rawOpen(url)) {
            byte[] payload = {0x03, (byte) 0xE8, (byte) 0xC3, 0x28}; // 1000 + an invalid 2-byte sequence
            byte[] frame = new byte[2 + 4 + payload.length];
            frame[0] = (byte) 0x88;
            frame[1] = (byte) (0x80 | payload.length);
            byte[] key = {7, 7, 7, 7};
            System.arraycopy(key, 0, frame, 2, 4);
            for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ key[i & 3]);
            s.getOutputStream().write(frame);
            assertEquals(1007, closeCode(s));
        }
        stillServes(url);
    }

    @Test
    void anOriginNotOnTheAllowListIsRefusedWith403() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT.withAllowedOrigins(List.of("http://good.test")));
        client.connect(url, new ClientOptions("http://evil.test", Map.of(), 5_000));
        WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
        assertEquals("HTTP 403 Forbidden", failed.problem().detail());
        assertEquals(Problem.Kind.ORIGIN_REFUSED, serverEvents.next(WsEvent.Failed.class).problem().kind());
        Recorder ok = new Recorder();
        WsClient good = new WsClient(ok);
        good.connect(url, new ClientOptions("http://good.test", Map.of(), 5_000));
        ok.next(WsEvent.Opened.class);
        good.close(1000, "");
    }

    @Test
    void connectionsBeyondTheCapAreRefusedWith503() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT.withMaxConnections(1));
        client.connect(url, ClientOptions.browserLike(url));
        clientEvents.next(WsEvent.Opened.class);
        Recorder second = new Recorder();
        WsClient other = new WsClient(second);
        other.connect(url, ClientOptions.browserLike(url));
        assertEquals("HTTP 503 Service Unavailable", second.next(WsEvent.Failed.class).problem().detail());
    }

    @Test
    void aHalfOpenHandshakeIsDroppedAfterTheTimeoutAndDoesNotStopOthers() throws Exception {
        URI url = start(ServerConfig.Limits.DEFAULT.withHandshakeTimeout(300));
        try (Socket idle = new Socket("127.0.0.1", url.getPort())) {
            idle.setSoTimeout(10_000);
            idle.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            stillServes(url);
            assertEquals(-1, idle.getInputStream().read(), "the server dropped the half-open handshake");
        }
    }

    @Test
    void ourClientFailsTheConnectionWhenTheServerMasksAFrame() throws Exception {
        try (RawServer raw = new RawServer(c -> {
            byte[] key = {1, 2, 3, 4};
            byte[] text = "masked!".getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[2 + 4 + text.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | text.length);
            System.arraycopy(key, 0, frame, 2, 4);
            for (int i = 0; i < text.length; i++) frame[6 + i] = (byte) (text[i] ^ key[i & 3]);
            c.out.write(frame);
            c.out.flush();
            c.in.read(); // until the client goes
        })) {
            client.connect(raw.url(), new ClientOptions(null, Map.of(), 5_000));
            clientEvents.next(WsEvent.Opened.class);
            WsEvent.Failed failed = clientEvents.next(WsEvent.Failed.class);
            assertEquals(Problem.Kind.MASKED_BY_SERVER, failed.problem().kind());
            clientEvents.next(WsEvent.Closed.class);
        }
    }
}
