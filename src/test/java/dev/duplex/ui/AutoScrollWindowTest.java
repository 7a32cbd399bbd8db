package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.net.Payload;
import dev.duplex.net.WsEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/** The client's log follows its newest line while auto-scroll is on, the whole line in sight, and stays put when it is off. */
@ExtendWith(ApplicationExtension.class)
class AutoScrollWindowTest {
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theNewestLineIsInSightWholeAfterEachBatch(FxRobot robot) throws Exception {
        ClientTab tab = onFx(() -> model.selectedTabProperty().get());
        for (int batch = 1; batch <= 3; batch++) {
            int size = 150 * batch;
            robot.interact(() -> tab.log().addAll(lines(150)));
            awaitLastLineInSight(robot, size - 1);
        }
        Node last = lastCell(robot);
        Bounds line = onFx(() -> last.localToScene(last.getBoundsInLocal()));
        Node viewport = robot.lookup(".client-pane #logView .clipped-container").query();
        Bounds shown = onFx(() -> viewport.localToScene(viewport.getBoundsInLocal()));
        assertTrue(line.getMaxY() <= shown.getMaxY() + 0.5, "the last line " + line + " ends below the list's viewport " + shown);
    }

    @Test
    void theNewestLineStaysInSightWholeWhenLongLinesBringTheHorizontalScrollBar(FxRobot robot) throws Exception {
        ClientTab tab = onFx(() -> model.selectedTabProperty().get());
        robot.interact(() -> tab.log().addAll(lines(150)));
        awaitLastLineInSight(robot, 149);
        // Lines wider than the list: its horizontal scroll bar comes, and takes a line's height at the bottom.
        List<WsEvent> wide = new ArrayList<>();
        for (int i = 0; i < 20; i++) wide.add(new WsEvent.Received(Instant.now(), "server", Payload.text("wide ".repeat(100) + i)));
        robot.interact(() -> tab.log().addAll(wide));
        awaitLastLineInSight(robot, 169);
        until(() -> {
            Node last = lastCell(robot);
            Node viewport = robot.lookup(".client-pane #logView .clipped-container").query();
            return onFx(() -> last.localToScene(last.getBoundsInLocal()).getMaxY()
                    <= viewport.localToScene(viewport.getBoundsInLocal()).getMaxY() + 0.5);
        });
    }

    @Test
    void withAutoScrollOffTheListStaysWhereItIs(FxRobot robot) throws Exception {
        ClientTab tab = onFx(() -> model.selectedTabProperty().get());
        robot.interact(() -> tab.log().addAll(lines(150)));
        awaitLastLineInSight(robot, 149);
        CheckBox follow = robot.lookup(".client-pane #autoScrollBox").queryAs(CheckBox.class);
        robot.interact(() -> follow.setSelected(false));
        robot.interact(() -> tab.log().addAll(lines(150)));
        until(() -> onFx(() -> logView(robot).getItems().size()) == 300);
        assertEquals(149, lastLineInSight(robot), "the list moved with auto-scroll off");
    }

    private static List<WsEvent> lines(int n) {
        List<WsEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) events.add(new WsEvent.Received(Instant.now(), "server", Payload.text("line " + i)));
        return events;
    }

    private static ListView<?> logView(FxRobot robot) {
        return robot.lookup(".client-pane #logView").queryListView();
    }

    private static void awaitLastLineInSight(FxRobot robot, int index) throws Exception {
        try {
            until(() -> lastLineInSight(robot) == index);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("line " + index + " never came in sight; the last in sight is " + lastLineInSight(robot)
                    + " of " + onFx(() -> logView(robot).getItems().size()), e);
        }
    }

    /** The index of the last cell that shows a line and is visible, -1 for none. */
    private static int lastLineInSight(FxRobot robot) throws Exception {
        Node cell = lastCell(robot);
        return cell == null ? -1 : onFx(() -> ((ListCell<?>) cell).getIndex());
    }

    private static Node lastCell(FxRobot robot) throws Exception {
        return onFx(() -> robot.from(logView(robot)).lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && !c.isEmpty() && c.getItem() != null)
                .max(java.util.Comparator.comparingInt(n -> ((ListCell<?>) n).getIndex())).orElse(null));
    }
}
