package dev.duplex.net;

import org.junit.jupiter.api.AfterEach;

import dev.duplex.net.client.WsClient;
import dev.duplex.net.server.LabServer;

/**
 * What the loopback tests of our own server against our own client share: one of each per test, each
 * with a recorder to wait on, and both closed after the test whether it passed or not (a server left
 * listening would hold a port and a thread into the next test).
 */
abstract class OurServerAndClient {
    protected final Recorder serverEvents = new Recorder();
    protected final Recorder clientEvents = new Recorder();
    protected final LabServer server = new LabServer(serverEvents);
    protected final WsClient client = new WsClient(clientEvents);

    @AfterEach
    void closeBoth() {
        client.close(1000, "");
        server.stop();
    }
}
