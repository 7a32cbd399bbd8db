package dev.duplex.ui.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;

/** The frame table's cell: its tooltip follows its row's frame, one tooltip per cell, none where there is nothing to say. */
@ExtendWith(ApplicationExtension.class)
class FrameCellTest {
    private TableView<WsEvent> table;
    /** A window of its own: the tests share TestFX's primary stage, which a small table would leave small. */
    private Stage own;

    @Start
    void start(Stage primary) {
        own = new Stage();
        table = new TableView<>();
        TableColumn<WsEvent, String> opcode = new TableColumn<>("opcode");
        opcode.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(FrameText.frame(c.getValue()).opcode())));
        // Says something of pings only, as the close column says something of close frames only.
        opcode.setCellFactory(c -> new FrameCell(f -> f.opcode() == FrameInfo.PING ? "a ping" : ""));
        table.getColumns().add(opcode);
        own.setScene(new Scene(table, 300, 200));
        own.show();
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            own.close();
            return null;
        });
    }

    @Test
    void theTooltipFollowsTheRowsFrame(FxRobot robot) throws Exception {
        robot.interact(() -> table.getItems().setAll(List.of(frame(FrameInfo.PING))));
        FrameCell cell = firstRowCell(robot);
        assertEquals("9", onFx(cell::getText));
        Tooltip tip = onFx(cell::getTooltip);
        assertNotNull(tip);
        assertEquals("a ping", tip.getText());

        // The row's frame changes, as a flood changes every visible row.
        robot.interact(() -> table.getItems().set(0, frame(FrameInfo.TEXT)));
        cell = firstRowCell(robot);
        assertEquals("1", onFx(cell::getText));
        assertNull(onFx(cell::getTooltip), "a text frame has nothing to explain");

        robot.interact(() -> table.getItems().set(0, frame(FrameInfo.PING)));
        FrameCell again = firstRowCell(robot);
        assertEquals("a ping", onFx(() -> again.getTooltip().getText()));
    }

    @Test
    void aCellAskedAgainForItsRowKeepsItsTooltip(FxRobot robot) throws Exception {
        robot.interact(() -> table.getItems().setAll(List.of(frame(FrameInfo.PING))));
        FrameCell cell = firstRowCell(robot);
        Tooltip first = onFx(cell::getTooltip);
        // What the table does to every visible cell at each batch of a flood.
        robot.interact(() -> cell.updateItem("9", false));
        assertSame(first, onFx(cell::getTooltip), "one tooltip per cell, not a new popup per update");
    }

    private static FrameCell firstRowCell(FxRobot robot) throws Exception {
        return onFx(() -> (FrameCell) robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof FrameCell c && c.getIndex() == 0).findFirst().orElseThrow());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static WsEvent frame(int opcode) {
        return new WsEvent.Frame(Instant.now(), "peer",
                new FrameInfo(true, true, false, false, false, opcode, null, 0, 2, new byte[0]));
    }
}
