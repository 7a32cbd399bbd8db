package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.settings.ConnectionStore;
import dev.duplex.settings.MessageStore;
import dev.duplex.settings.Settings;
import dev.duplex.ui.shell.DuplexWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * What belongs to the app and what to a tab, with a second tab in front: two bugs of the old shape, where
 * the window acted on "the tab in front" wherever the request came from.
 */
@ExtendWith(ApplicationExtension.class)
class TabOwnershipWindowTest {
    private Workbench model;
    private Stage stage;
    private Path configDir;
    private Path dataDir;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        configDir = Files.createTempDirectory("duplex-config");
        dataDir = Files.createTempDirectory("duplex-data");
        Settings settings = TestWindow.settings(0, "ws://127.0.0.1:1/first-tab");
        model = new Workbench(settings, new Dispatcher(new NextPulse()), configDir, dataDir);
        DuplexWindow window = new DuplexWindow(stage, model, settings);
        window.setOnClosed(done -> done.whenComplete((v, e) -> closed.complete(null)));
        window.show();
    }

    private void newTabInFront(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.T).release(KeyCode.T).release(KeyCode.CONTROL);
        until(() -> robot.lookup("#clientTabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex() == 1);
    }

    /** A node of the first tab's pane, found in that pane even while another tab is in front. */
    private static <T extends Node> T inFirstTab(FxRobot robot, String id, Class<T> type) {
        Node pane = robot.lookup("#clientTabs").queryAs(TabPane.class).getTabs().get(0).getContent();
        return type.cast(pane.lookup(id));
    }

    @Test
    void whatTheFirstTabSavedIsKeptWhenTheWindowClosesWithAnotherInFront(FxRobot robot) throws Exception {
        robot.interact(() -> {
            inFirstTab(robot, "#messageField", TextInputControl.class).setText("kept by the first tab");
            inFirstTab(robot, "#saveNameField", TextInputControl.class).setText("greeting");
        });
        robot.interact(() -> inFirstTab(robot, "#saveMessageButton", Button.class).fire());
        newTabInFront(robot);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        closed.get(15, TimeUnit.SECONDS);
        MessageStore.Messages kept = new MessageStore(configDir).load();
        assertEquals(1, kept.saved().size(), "saved messages after closing: " + kept.saved());
        assertEquals("greeting", kept.saved().get(0).name());
        assertEquals("kept by the first tab", kept.saved().get(0).text());
    }

    @Test
    void savingAConnectionFromTheFirstTabSavesThatTabWithAnotherInFront(FxRobot robot) throws Exception {
        robot.interact(() -> {
            // Connection options are built when first unfolded.
            inFirstTab(robot, "#optionsPane", javafx.scene.control.TitledPane.class).setExpanded(true);
            inFirstTab(robot, "#connectionNameField", TextInputControl.class).setText("first");
        });
        newTabInFront(robot);
        robot.interact(() -> inFirstTab(robot, "#saveConnectionButton", Button.class).fire());
        until(() -> !new ConnectionStore(dataDir).load().connections().isEmpty());
        var saved = new ConnectionStore(dataDir).load().connections().get(0);
        assertEquals("first", saved.name());
        assertEquals("ws://127.0.0.1:1/first-tab", saved.url());
        assertEquals(1, (int) onFx(() -> model.selectedTabProperty().get() == model.tabs().get(1) ? 1 : 0),
                "the second tab stayed in front");
        model.shutdown().get(10, TimeUnit.SECONDS);
    }
}
