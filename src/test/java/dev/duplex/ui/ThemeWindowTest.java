package dev.duplex.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.duplex.model.Workbench;
import dev.duplex.settings.SettingsStore;
import dev.duplex.settings.ThemeChoice;
import dev.duplex.ui.theme.WindowTheme;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/** The top bar's theme switch: Light to Dark swaps the theme, our colours follow, and the choice is kept. */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {
    private Workbench model;
    private Path configDir;

    @Start
    void start(Stage stage) throws Exception {
        configDir = Files.createTempDirectory("duplex-config");
        model = TestWindow.open(stage, TestWindow.settings().withTheme(ThemeChoice.LIGHT), configDir);
    }

    @org.junit.jupiter.api.AfterEach
    void backToLight(FxRobot robot) throws Exception {
        model.shutdown().get(10, TimeUnit.SECONDS);
        // The user-agent stylesheet is the whole JVM's: leave the next test class the light one it starts from.
        robot.interact(() -> Application.setUserAgentStylesheet(WindowTheme.stylesheet(false)));
    }

    @Test
    void switchingToDarkSwapsTheStylesheetRecoloursOurBarAndReachesTheSettingsFile(FxRobot robot) throws Exception {
        assertEquals(WindowTheme.stylesheet(false), FxWait.onFx(Application::getUserAgentStylesheet));
        assertTrue(brightness(robot, ".app-tagline") < 0.6, "muted text on a light bar");

        robot.clickOn("#themeBox");
        robot.clickOn("Dark");

        FxWait.until(() -> WindowTheme.stylesheet(true).equals(Application.getUserAgentStylesheet()));
        assertEquals(ThemeChoice.DARK, FxWait.onFx(() -> robot.lookup("#themeBox").queryAs(ChoiceBox.class).getValue()));
        // duplex.css names no colour of its own: the bar's text and background come from the dark theme now.
        FxWait.until(() -> brightness(robot, ".app-tagline") > 0.5);
        FxWait.until(() -> topBarBrightness(robot) < 0.3);

        model.saveAndShutdown(1200, 800).get(10, TimeUnit.SECONDS);
        assertEquals(ThemeChoice.DARK, new SettingsStore(configDir).load().settings().theme());
    }

    @Test
    void theChoiceIsNamedInTheWindowsLanguage(FxRobot robot) throws Exception {
        assertEquals("Light", FxWait.onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<ThemeChoice> box = robot.lookup("#themeBox").queryAs(ChoiceBox.class);
            return box.getConverter().toString(box.getValue());
        }));
        robot.interact(() -> robot.lookup("#languageBox").queryAs(javafx.scene.control.ComboBox.class).setValue("zh"));
        FxWait.until(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<ThemeChoice> box = robot.lookup("#themeBox").queryAs(ChoiceBox.class);
            return "浅色".equals(box.getConverter().toString(box.getValue()));
        });
    }

    private static double brightness(FxRobot robot, String query) {
        return ((Color) robot.lookup(query).queryAs(Label.class).getTextFill()).getBrightness();
    }

    private static double topBarBrightness(FxRobot robot) {
        var bar = robot.lookup(".top-bar").queryAs(javafx.scene.layout.Region.class);
        var fills = bar.getBackground().getFills();
        return ((Color) fills.get(fills.size() - 1).getFill()).getBrightness();
    }
}
