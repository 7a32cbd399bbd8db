package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.server.ServerModel;
import dev.duplex.model.Dispatcher;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.settings.Settings;

/**
 * The window's server lab and {@code duplex serve} turn the same typed switches into the same behaviour:
 * the same refusal (status, reason phrase, headers, body), subprotocol answer, delay, drops and close.
 */
class WindowAndCliAgreeTest {
    private final ServerModel window = new ServerModel(Settings.defaults(), new Dispatcher(Runnable::run),
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));

    @AfterEach
    void shutdown() throws Exception {
        window.shutdown().get();
    }

    /** What the window's Behaviours pane makes of its fields, as Apply reads them. */
    private ServerBehaviour windowBehaviour() {
        window.behaviours().apply();
        assertNull(window.noticeProperty().get(), "the window accepted the form");
        return window.behaviours().inForceProperty().get();
    }

    /** What `duplex serve ARGS` makes of its options. */
    private static ServerBehaviour cliBehaviour(String... args) {
        return CliParsing.serve(args).config().value().behaviour();
    }

    @Test
    void aRefusalWithHeadersAndBodyIsTheSameAnswerWith403Forbidden() throws Exception {
        window.behaviours().refuseUpgradeProperty().set(true);
        window.behaviours().refuseStatusProperty().set("403");
        window.behaviours().refuseHeadersProperty().set("X-Lab: on\nRetry-After: 5");
        window.behaviours().refuseBodyProperty().set("go away");
        ServerBehaviour cli = cliBehaviour("--refuse", "403", "--refuse-header", "X-Lab: on",
                "--refuse-header", "Retry-After: 5", "--refuse-body", "go away");
        ServerBehaviour shown = windowBehaviour();
        assertEquals(shown, cli);
        assertEquals(new ServerConfig.Refusal(403, "Forbidden", "go away", List.of("X-Lab: on", "Retry-After: 5")),
                cli.refusal());
    }

    @Test
    void otherStatusesHaveTheSameReasonPhraseBothWays() throws Exception {
        for (String status : new String[] {"400", "401", "404", "429", "500", "503"}) {
            window.behaviours().refuseUpgradeProperty().set(true);
            window.behaviours().refuseStatusProperty().set(status);
            assertEquals(windowBehaviour().refusal(), cliBehaviour("--refuse", status).refusal(), "HTTP " + status);
        }
    }

    @Test
    void theOtherSwitchesAgree() throws Exception {
        window.behaviours().subprotocolAnswerProperty().set("*");
        window.behaviours().replyDelayProperty().set("20");
        window.behaviours().dropEveryProperty().set("2");
        window.behaviours().closeAfterProperty().set("3");
        window.behaviours().closeAfterCodeProperty().set("4003");
        window.behaviours().closeAfterReasonProperty().set("lab");
        window.behaviours().autoPongProperty().set(false);
        assertEquals(windowBehaviour(), cliBehaviour("--subprotocol", "*", "--delay", "20", "--drop-every", "2",
                "--close-after", "3", "--close-code", "4003", "--close-reason", "lab", "--no-pong"));
    }

    @Test
    void untouchedFormsAndNoSwitchesBehaveNormally() throws Exception {
        assertEquals(ServerBehaviour.NORMAL, windowBehaviour());
        assertEquals(ServerBehaviour.NORMAL, cliBehaviour());
    }
}
