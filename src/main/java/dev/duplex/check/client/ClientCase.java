package dev.duplex.check.client;

import java.io.IOException;

/**
 * One way of treating a client: its number and group (as the server checker's: 0 handshake, 1 framing,
 * 2 pings and pongs, 3 reserved bits, 4 opcodes, 5 fragmentation, 6 UTF-8, 7 closing), one line of what
 * the server does, the RFC 6455 section it rests on, how the server answers the upgrade, and what it does
 * then on the open connection, judging the client by what comes back.
 */
record ClientCase(String id, int group, String title, String section, Answer answer, Probe probe) {
    /** The server's answer to the client's upgrade request, as raw bytes (a broken one on purpose for group 0). */
    interface Answer {
        byte[] answer(Upgrade request);
    }

    /** The case's script after the answer; what it throws ends the case as a FAIL with the reason. */
    interface Probe {
        Outcome run(ClientWire wire, Upgrade request) throws IOException;
    }

    ClientCase(String id, String title, String section, Probe probe) {
        this(id, title, section, Upgrade::accepted, probe);
    }

    ClientCase(String id, String title, String section, Answer answer, Probe probe) {
        this(id, Integer.parseInt(id.substring(0, id.indexOf('.'))), title, section, answer, probe);
    }
}
