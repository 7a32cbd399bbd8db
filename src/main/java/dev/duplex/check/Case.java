package dev.duplex.check;

import java.io.IOException;

/**
 * One check: its number and group (as Autobahn's), one line of what it does, the RFC 6455 section it rests
 * on, whether it needs an echoing server, and the probe that runs it on its own connection.
 *
 * @param extraMs time this case may take beyond the per-case timeout (the big messages of group 9)
 */
record Case(String id, int group, String title, String section, boolean echo, long extraMs, Probe probe) {
    /** Runs a case against the server; what it throws is judged by the checker (a FAIL with the reason). */
    interface Probe {
        Judged run(Session session) throws IOException;
    }

    Case(String id, String title, String section, boolean echo, Probe probe) {
        this(id, Integer.parseInt(id.substring(0, id.indexOf('.'))), title, section, echo, 0, probe);
    }

    Case longer(long ms) {
        return new Case(id, group, title, section, echo, ms, probe);
    }
}
