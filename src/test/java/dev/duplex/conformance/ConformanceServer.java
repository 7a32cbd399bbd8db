package dev.duplex.conformance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.duplex.net.WsEvent;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.server.ServerStartException;

/**
 * The one echo server that every conformance group talks to: started before the first group, stopped
 * when the whole run is over (the root store closes it), so damage that builds up across cases, of any
 * group, shows too. What the server did in each case is printed then (the "outcomes"), and written to
 * {@code conformance-outcomes.txt} in the build directory.
 */
final class ConformanceServer implements BeforeAllCallback {
    /** The server's reports of clients joining and leaving (its other events are not kept). */
    static final LinkedBlockingQueue<WsEvent> EVENTS = new LinkedBlockingQueue<>();
    static final LabServer SERVER = new LabServer(e -> {
        if (e instanceof WsEvent.ClientJoined || e instanceof WsEvent.ClientLeft) EVENTS.add(e);
    });
    private static final Map<String, String> OUTCOMES = Collections.synchronizedMap(new LinkedHashMap<>());
    private static volatile InetSocketAddress address;

    /** Where the server listens, once a group has started it. */
    static InetSocketAddress address() {
        return address;
    }

    /** Records what the server did in a case, for the report at the end. */
    static void saw(String what, Object outcome) {
        OUTCOMES.put(what, String.valueOf(outcome));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(ConformanceServer.class))
                .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class);
    }

    /** The server while the run lasts. */
    private static final class Running implements AutoCloseable {
        Running() {
            try {
                address = SERVER.start(new ServerConfig("127.0.0.1", 0, "", null));
            } catch (ServerStartException e) {
                throw new IllegalStateException("the conformance server did not start: " + e.problem(), e);
            }
        }

        @Override
        public void close() {
            SERVER.stop();
            StringBuilder report = new StringBuilder("What the server did, case by case:\n");
            synchronized (OUTCOMES) {
                OUTCOMES.forEach((what, outcome) -> report.append("  ").append(what).append(" -> ").append(outcome).append('\n'));
            }
            System.out.print(report);
            String buildDir = System.getProperty("duplex.build.dir");
            if (buildDir != null) {
                try {
                    Files.writeString(Path.of(buildDir, "conformance-outcomes.txt"), report);
                } catch (IOException e) {
                    System.out.println("could not write the outcomes: " + e);
                }
            }
        }
    }
}
