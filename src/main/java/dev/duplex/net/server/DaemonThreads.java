package dev.duplex.net.server;

import java.util.concurrent.ThreadFactory;

/** Threads of the server's own timers and tasks: named, to be found in a thread dump, and daemon. */
final class DaemonThreads {
    private DaemonThreads() { }

    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
