package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.check.Checker;
import dev.duplex.check.Verdict;
import dev.duplex.model.Workbench;
import dev.duplex.model.check.CheckModel;
import dev.duplex.peers.DebianProxy;
import dev.duplex.peers.NodeWsServer;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/**
 * The Check pane against Node's {@code ws} echo server (a peer nobody here wrote): the cases come in live, the
 * summary reads as {@code duplex check} prints it, the report saves, and a URL that does not read says why.
 */
@ExtendWith(ApplicationExtension.class)
class CheckPaneWindowTest {
    @TempDir Path dir;
    private Workbench model;
    private NodeWsServer server;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        if (server != null) server.close();
    }

    private CheckModel openCheckTab(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        until(() -> robot.lookup("#checkStartButton").tryQuery().isPresent());
        return onFx(model::check);
    }

    @Test
    void groupsOfCasesRunLiveAndTheSummaryAndReportFollow(FxRobot robot) throws Exception {
        server = NodeWsServer.start();
        CheckModel check = openCheckTab(robot);
        robot.interact(() -> {
            robot.lookup("#checkUrlField").queryTextInputControl().setText(server.uri("/").toString());
            robot.lookup("#checkGroupsField").queryTextInputControl().setText("1,2,6");
        });
        robot.clickOn("#checkStartButton");
        until(() -> check.stateProperty().get() == CheckModel.State.DONE);
        int expected = Checker.count(Set.of(1, 2, 6), false);
        assertEquals(expected, (int) onFx(() -> check.results().size()), "every case, as it ended");
        assertTrue(onFx(() -> check.results().stream().allMatch(r -> r.verdict() == Verdict.PASS)),
                "Node's ws passes framing, pings and UTF-8");
        String summary = onFx(() -> robot.lookup("#checkSummaryArea").queryAs(TextArea.class).getText());
        assertTrue(summary.contains("1 Framing: 16 cases, 16 PASS"), summary);
        assertTrue(summary.contains("6 UTF-8: 276 cases, 276 PASS"), summary);

        Path report = dir.resolve("check.html");
        robot.interact(() -> check.save(report, key -> key));
        until(() -> Files.exists(report) && onFx(() -> check.noticeProperty().get() != null
                && check.noticeProperty().get().key().equals("check.wrote")));
        assertTrue(Files.readString(report).contains("6.5.1"), "every case in the report");
    }

    /**
     * The options, folded at first, unfolded and typed in: each field that does not read says why in the pane,
     * as duplex check would; then the cases run through Debian's tinyproxy, which logs their tunnels.
     */
    @Test
    void theOptionsSayWhatIsWrongAndTheProxyCarriesTheCases(FxRobot robot) throws Exception {
        server = NodeWsServer.start();
        CheckModel check = openCheckTab(robot);
        TitledPane options = robot.lookup("#checkOptionsPane").queryAs(TitledPane.class);
        assertFalse(onFx(options::isExpanded), "folded by default");
        robot.clickOn(options.lookup(".title"));
        until(() -> onFx(options::isExpanded) && robot.lookup("#checkProxyField").queryAs(javafx.scene.Node.class).isVisible());
        robot.interact(() -> {
            robot.lookup("#checkUrlField").queryTextInputControl().setText(server.uri("/").toString());
            robot.lookup("#checkGroupsField").queryTextInputControl().setText("2");
            robot.lookup("#checkProxyField").queryTextInputControl().setText("ftp://proxy:21");
        });
        robot.clickOn("#checkStartButton");
        until(() -> onFx(() -> check.noticeProperty().get() != null && check.noticeProperty().get().key().startsWith("form.proxy")));
        String said = onFx(() -> robot.lookup("#checkNoticeLabel").queryAs(Label.class).getText());
        assertTrue(said.contains("ftp"), said);
        assertEquals(CheckModel.State.IDLE, onFx(() -> check.stateProperty().get()));

        robot.interact(() -> {
            robot.lookup("#checkProxyField").queryTextInputControl().setText("");
            robot.lookup("#checkTrustField").queryTextInputControl().setText("not-a-fingerprint");
        });
        robot.clickOn("#checkStartButton");
        until(() -> onFx(() -> check.noticeProperty().get() != null && check.noticeProperty().get().key().equals("form.fingerprint")));

        robot.interact(() -> {
            robot.lookup("#checkTrustField").queryTextInputControl().setText("");
            robot.lookup("#checkClientCertField").queryTextInputControl().setText(dir.resolve("missing.p12").toString());
        });
        robot.clickOn("#checkStartButton");
        until(() -> onFx(() -> check.noticeProperty().get() != null
                && check.noticeProperty().get().key().equals("form.clientTls.UNREADABLE")));
        assertEquals(CheckModel.State.IDLE, onFx(() -> check.stateProperty().get()), "the file is read before any case runs");

        try (DebianProxy proxy = DebianProxy.tinyproxy(dir)) {
            robot.interact(() -> {
                robot.lookup("#checkClientCertField").queryTextInputControl().setText("");
                robot.lookup("#checkProxyField").queryTextInputControl().setText("http://127.0.0.1:" + proxy.port());
                robot.lookup("#checkHeadersArea").queryTextInputControl().setText("X-Checked-By: the pane");
            });
            robot.clickOn("#checkStartButton");
            until(() -> check.stateProperty().get() == CheckModel.State.DONE);
            assertTrue(onFx(() -> check.results().stream().allMatch(r -> r.verdict() == Verdict.PASS)), "pings and pongs");
            proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + server.uri("/").getPort()));
            NodeWsServer.Handshake h = server.nextHandshake();
            assertEquals("the pane", h.header("x-checked-by"), "the extra header went with the handshake");
        }
    }

    @Test
    void aBadUrlOrGroupSaysWhyAndRunsNothing(FxRobot robot) throws Exception {
        CheckModel check = openCheckTab(robot);
        robot.interact(() -> robot.lookup("#checkUrlField").queryTextInputControl().setText("http://h/"));
        robot.clickOn("#checkStartButton");
        until(() -> onFx(() -> check.noticeProperty().get() != null));
        assertEquals(CheckModel.State.IDLE, onFx(() -> check.stateProperty().get()));
        robot.interact(() -> {
            robot.lookup("#checkUrlField").queryTextInputControl().setText("ws://127.0.0.1:1/");
            robot.lookup("#checkGroupsField").queryTextInputControl().setText("8");
        });
        robot.clickOn("#checkStartButton");
        until(() -> onFx(() -> check.noticeProperty().get() != null
                && check.noticeProperty().get().key().equals("check.groups.problem")));
        robot.interact(() -> robot.lookup("#checkGroupsField").queryTextInputControl().setText("1"));
        robot.clickOn("#checkStartButton");
        until(() -> onFx(() -> check.noticeProperty().get() != null
                && check.noticeProperty().get().key().equals("check.cannotConnect")));
        assertEquals(CheckModel.State.IDLE, onFx(() -> check.stateProperty().get()), "nothing listens there");
    }
}
