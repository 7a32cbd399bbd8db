package dev.duplex.ui;

import static dev.duplex.ui.FxWait.onFx;
import static dev.duplex.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.support.FiredEvents;
import org.testfx.util.WaitForAsyncUtils;

import dev.duplex.model.Workbench;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * Views that go are let go: the language switch replaces the window's root, and closing a client tab (or a
 * Replay tab) removes its pane; neither may leave controllers listening to the model (and so alive, and fed by it) behind.
 * Every controller ever made is held weakly; after a garbage collection only those on screen may be left.
 */
@ExtendWith(ApplicationExtension.class)
class ViewDisposalWindowTest {
    /** Every controller made, in order, held weakly; FX thread only. */
    private final List<WeakReference<Object>> made = new ArrayList<>();
    private Subscription watching;
    private Workbench model;

    @Start
    void start(Stage stage) throws Exception {
        watching = Fxml.watch(controller -> made.add(new WeakReference<>(controller)));
        model = TestWindow.open(stage, TestWindow.settings());
    }

    @AfterEach
    void shutDown() throws Exception {
        watching.unsubscribe();
        model.shutdown().get(10, TimeUnit.SECONDS);
    }

    private int madeSoFar() throws Exception {
        return onFx(made::size);
    }

    /** Switches through the window's own language box, and waits for the new root to be up. */
    private void switchTo(FxRobot robot, String language, String startText) throws Exception {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> box = robot.lookup("#languageBox").queryAs(ComboBox.class);
            box.setValue(language);
        });
        until(() -> startText.equals(robot.lookup("#startButton").queryButton().getText()));
    }

    /**
     * TestFX keeps every event fired on its stage, each with its target node, for as long as the toolkit
     * lives: on its own that would keep every window this test replaced. Not ours to keep: forgotten here.
     */
    private static void forgetTestFxEvents() throws Exception {
        Field fired = FxToolkitContext.class.getDeclaredField("firedEvents");
        fired.setAccessible(true);
        FiredEvents events = (FiredEvents) fired.get(FxToolkit.toolkitContext());
        WaitForAsyncUtils.asyncFx(events::clearEvents).get(10, TimeUnit.SECONDS);
    }

    /** The controllers among {@code refs} still alive after collecting garbage, counted by class. */
    private static Map<String, Integer> aliveAfterGc(List<WeakReference<Object>> refs) throws Exception {
        forgetTestFxEvents();
        Map<String, Integer> alive = new TreeMap<>();
        // A collection may take more than one try to clear every weak reference; a bounded number of tries.
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            alive.clear();
            for (WeakReference<Object> r : refs) {
                Object c = r.get();
                if (c != null) alive.merge(c.getClass().getSimpleName(), 1, Integer::sum);
            }
            if (alive.isEmpty()) break;
        }
        return alive;
    }

    private List<WeakReference<Object>> made(int from, int to) throws Exception {
        return onFx(() -> new ArrayList<>(made.subList(from, to)));
    }

    @Test
    void twentyLanguageSwitchesLeaveOnlyTheControllersOnScreen(FxRobot robot) throws Exception {
        int perWindow = madeSoFar();
        assertTrue(perWindow > 0, "the test sees the controllers made");
        int lastLoad = 0;
        for (int i = 0; i < 20; i++) {
            lastLoad = madeSoFar();
            if (i % 2 == 0) switchTo(robot, "zh", "启动");
            else switchTo(robot, "en", "Start");
        }
        int all = madeSoFar();
        assertEquals(perWindow, all - lastLoad, "each switch loads the window once, with one client tab");

        Map<String, Integer> stale = aliveAfterGc(made(0, lastLoad));
        assertTrue(stale.isEmpty(), "controllers of replaced windows still alive: " + stale);
        List<WeakReference<Object>> onScreen = made(lastLoad, all);
        assertTrue(onScreen.stream().allMatch(r -> r.get() != null), "the window on screen keeps its controllers");

        // A stale window would still build a pane (and controllers) for every tab the model opens.
        int beforeTab = madeSoFar();
        robot.interact(model::addTab);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1L, countOf(made(beforeTab, madeSoFar()), "ClientController"),
                "one new client pane for one new tab, not one per window ever shown");
    }

    @Test
    void closingAClientTabLetsItsPaneGo(FxRobot robot) throws Exception {
        int before = madeSoFar();
        robot.interact(model::addTab);
        until(() -> madeSoFar() > before);
        WaitForAsyncUtils.waitForFxEvents();
        List<WeakReference<Object>> tabPane = made(before, madeSoFar());
        List<WeakReference<Object>> window = made(0, before);

        robot.interact(() -> model.closeTab(model.selectedTabProperty().get()));
        until(() -> model.tabs().size() == 1);
        Map<String, Integer> stale = aliveAfterGc(tabPane);
        assertTrue(stale.isEmpty(), "controllers of the closed tab still alive: " + stale);
        assertTrue(window.stream().allMatch(r -> r.get() != null), "the window and its remaining tab keep theirs");
    }

    @Test
    void aReplayTabLetsItsViewGoOnALanguageSwitchAndWhenClosed(FxRobot robot) throws Exception {
        robot.interact(model::openReplay);
        WaitForAsyncUtils.waitForFxEvents();
        int lastLoad = madeSoFar();
        switchTo(robot, "zh", "启动");
        WaitForAsyncUtils.waitForFxEvents();
        int afterSwitch = madeSoFar();
        assertEquals(1L, countOf(made(lastLoad, afterSwitch), "ReplayController"), "the Replay tab comes back once");
        Map<String, Integer> stale = aliveAfterGc(made(0, lastLoad));
        assertTrue(stale.isEmpty(), "controllers of the replaced window still alive: " + stale);

        robot.interact(() -> model.closeReplay(model.replays().get(0)));
        until(() -> model.replays().isEmpty());
        Map<String, Integer> alive = aliveAfterGc(made(lastLoad, afterSwitch));
        assertTrue(!alive.containsKey("ReplayController"), "the closed Replay tab's view still alive: " + alive);
    }

    private static long countOf(List<WeakReference<Object>> refs, String name) {
        return refs.stream().map(WeakReference::get).filter(c -> c != null && c.getClass().getSimpleName().equals(name))
                .count();
    }
}
