package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.Version;
import dev.duplex.i18n.Texts;
import dev.duplex.model.Dispatcher;
import dev.duplex.model.Workbench;
import dev.duplex.ui.shell.DuplexWindow;
import dev.duplex.ui.shell.FirstScreen;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/**
 * The window as DuplexApp starts it: the first screen at once (dark and in Chinese here), then the panels
 * built into the same window, which keeps its scene and size.
 */
@ExtendWith(ApplicationExtension.class)
class FirstScreenWindowTest {
    private Stage stage;
    private Workbench model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FirstScreen.show(stage, true, Texts.of(Locale.SIMPLIFIED_CHINESE), TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        if (model != null) model.shutdown().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstScreenSaysItIsStartingInTheUsersLanguageAndTheme(FxRobot robot) throws Exception {
        List<String> texts = onFx(() -> robot.lookup(node -> node instanceof Text).queryAll().stream()
                .map(node -> ((Text) node).getText()).toList());
        assertEquals(List.of("Duplex", "正在启动…"), texts);
        assertEquals("Duplex " + Version.get(), onFx(stage::getTitle));
        Region root = (Region) onFx(() -> stage.getScene().getRoot());
        assertEquals(Color.web("#0d1117"), onFx(() -> root.getBackground().getFills().get(0).getFill()));
    }

    @Test
    void thePanelsComeIntoTheSameWindow(FxRobot robot) throws Exception {
        Scene first = onFx(stage::getScene);
        model = new Workbench(TestWindow.settings(), new Dispatcher(new NextPulse()), Files.createTempDirectory("duplex"),
                Files.createTempDirectory("duplex-data"));
        robot.interact(() -> new DuplexWindow(stage, model, TestWindow.settings()).show());
        assertSame(first, onFx(stage::getScene), "a new scene would make a new window size and flash");
        assertNotNull(robot.lookup("#urlField").query(), "the client's URL field is in");
        assertTrue(onFx(() -> robot.lookup(node -> node instanceof Text && "正在启动…".equals(((Text) node).getText()))
                .queryAll().isEmpty()), "the starting text is gone");
        // The first thing a user types is where to connect, as in a window shown without a first screen.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> robot.lookup("#urlField").query().isFocused()),
                "focus is on " + onFx(() -> stage.getScene().getFocusOwner()));
    }
}
