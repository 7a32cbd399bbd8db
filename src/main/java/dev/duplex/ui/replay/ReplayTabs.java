package dev.duplex.ui.replay;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.replay.ReplayModel;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.ViewSubscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;

/**
 * The Replay tabs, after the client tabs in the same tab pane, kept in step with the workbench's list: a
 * replay opened comes to front, closing its tab stops its replay, and each tab's view ends its
 * subscriptions when the tab goes. The tabs' user data is their {@link ReplayModel}. F10 is the front Replay
 * tab's Next wherever the focus is (a filter on the scene, for as long as this view shows).
 */
public final class ReplayTabs {
    private final Workbench model;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;
    private final TabPane tabs;
    private final Map<ReplayModel, ViewSubscriptions> panes = new IdentityHashMap<>();

    public ReplayTabs(Workbench model, Texts texts, ViewSubscriptions subscriptions, TabPane tabs) {
        this.model = model;
        this.texts = texts;
        this.subscriptions = subscriptions;
        this.tabs = tabs;
    }

    public void bind() {
        for (ReplayModel r : model.replays()) tabs.getTabs().add(tabFor(r));
        subscriptions.onListChange(model.replays(), (ListChangeListener<ReplayModel>) change -> {
            while (change.next()) {
                for (ReplayModel gone : change.getRemoved()) {
                    tabs.getTabs().removeIf(t -> t.getUserData() == gone);
                    ViewSubscriptions pane = panes.remove(gone);
                    if (pane != null) pane.dispose();
                }
                for (ReplayModel added : change.getAddedSubList()) {
                    Tab tab = tabFor(added);
                    tabs.getTabs().add(tab);
                    tabs.getSelectionModel().select(tab);
                }
            }
        });
        // The tab in front stays in front when the window is rebuilt (a language switch).
        ReplayModel shown = model.frontReplayProperty().get();
        for (Tab t : tabs.getTabs()) {
            if (shown != null && t.getUserData() == shown) tabs.getSelectionModel().select(t);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, before, tab) -> {
            if (tab != null) model.frontReplayProperty().set(tab.getUserData() instanceof ReplayModel r ? r : null);
        });
        EventHandler<KeyEvent> nextKey = key -> {
            if (key.getCode() != ReplayController.NEXT_KEY || key.isShortcutDown() || key.isAltDown()) return;
            Tab front = tabs.getSelectionModel().getSelectedItem();
            if (front != null && front.getUserData() instanceof ReplayModel replay) {
                key.consume();
                replay.next();
            }
        };
        ChangeListener<Scene> moved = (obs, before, now) -> {
            if (before != null) before.removeEventFilter(KeyEvent.KEY_PRESSED, nextKey);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, nextKey);
        };
        tabs.sceneProperty().addListener(moved);
        moved.changed(tabs.sceneProperty(), null, tabs.getScene());
        subscriptions.add(() -> {
            tabs.sceneProperty().removeListener(moved);
            if (tabs.getScene() != null) tabs.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, nextKey);
        });
    }

    private Tab tabFor(ReplayModel replay) {
        Tab tab = new Tab();
        tab.setUserData(replay);
        tab.getStyleClass().add("replay-tab");
        ViewSubscriptions pane = subscriptions.child();
        panes.put(replay, pane);
        tab.setContent(load(replay, texts, pane));
        tab.textProperty().bind(Bindings.createStringBinding(() -> replay.fileProperty().get() == null
                ? texts.get("replay.tab") : texts.get("replay.tabFile", replay.fileProperty().get().getFileName()),
                replay.fileProperty()));
        tab.setClosable(true);
        tab.setOnCloseRequest(event -> {
            event.consume(); // the model decides; the list listener removes the tab
            model.closeReplay(replay);
        });
        return tab;
    }

    /** Loads one Replay tab's view over its model, in one language. */
    static Parent load(ReplayModel replay, Texts texts, ViewSubscriptions subscriptions) {
        return Fxml.load(Fxml.view("replay/replay.fxml"), texts, type -> {
            if (type == ReplayController.class) return new ReplayController(replay, texts, subscriptions);
            throw new IllegalArgumentException("no controller " + type);
        }).root();
    }
}
