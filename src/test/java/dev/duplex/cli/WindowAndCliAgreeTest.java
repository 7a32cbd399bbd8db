package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.model.ConnectionModel;
import dev.duplex.model.Dispatcher;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.settings.Settings;

/**
 * The window's server lab and {@code duplex serve} turn the same typed switches into the same behaviour:
 * the same refusal (status, reason phrase, headers, body), subprotocol answer, delay, drops and close.
 */
class WindowAndCliAgreeTest {
    private final ConnectionModel window = new ConnectionModel(Settings.defaults(), new Dispatcher(Runnable::run));

    @AfterEach
    void shutdown() throws Exception {
        window.shutdown().get();
    }

    /** What the window's Behaviours pane makes of its fields, as Apply reads them. */
    private ServerBehaviour windowBehaviour() {
        window.applyBehaviour();
        assertNull(window.serverNoticeProperty().get(), "the window accepted the form");
        return window.behaviourProperty().get();
    }

    /** What `duplex serve ARGS` makes of its options. */
    private static ServerBehaviour cliBehaviour(String... args) {
        return CliParsing.serve(args).config().value().behaviour();
    }

    @Test
    void aRefusalWithHeadersAndBodyIsTheSameAnswerWith403Forbidden() throws Exception {
        window.refuseUpgradeProperty().set(true);
        window.refuseStatusProperty().set("403");
        window.refuseHeadersProperty().set("X-Lab: on\nRetry-After: 5");
        window.refuseBodyProperty().set("go away");
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
            window.refuseUpgradeProperty().set(true);
            window.refuseStatusProperty().set(status);
            assertEquals(windowBehaviour().refusal(), cliBehaviour("--refuse", status).refusal(), "HTTP " + status);
        }
    }

    @Test
    void theOtherSwitchesAgree() throws Exception {
        window.subprotocolAnswerProperty().set("*");
        window.replyDelayProperty().set("20");
        window.dropEveryProperty().set("2");
        window.closeAfterProperty().set("3");
        window.closeAfterCodeProperty().set("4003");
        window.closeAfterReasonProperty().set("lab");
        window.serverAutoPongProperty().set(false);
        assertEquals(windowBehaviour(), cliBehaviour("--subprotocol", "*", "--delay", "20", "--drop-every", "2",
                "--close-after", "3", "--close-code", "4003", "--close-reason", "lab", "--no-pong"));
    }

    @Test
    void untouchedFormsAndNoSwitchesBehaveNormally() throws Exception {
        assertEquals(ServerBehaviour.NORMAL, windowBehaviour());
        assertEquals(ServerBehaviour.NORMAL, cliBehaviour());
    }
}
