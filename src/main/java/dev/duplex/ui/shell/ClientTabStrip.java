package dev.duplex.ui.shell;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.ui.ViewSubscriptions;
import dev.duplex.ui.client.ClientPane;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * One tab per client connection, kept in step with the model both ways: the tab in front is the workbench's
 * selected tab, closing a tab closes its connection, and a tab added anywhere gets its own. A tab's
 * pane ends its subscriptions when it closes.
 */
final class ClientTabStrip {
    private final Workbench model;
    private final Texts texts;
    private final ViewSubscriptions subscriptions;
    private final TabPane tabs;
    /** Each tab's pane's subscriptions, by its model. */
    private final Map<ClientTab, ViewSubscriptions> panes = new IdentityHashMap<>();

    ClientTabStrip(Workbench model, Texts texts, ViewSubscriptions subscriptions, TabPane tabs) {
        this.model = model;
        this.texts = texts;
        this.subscriptions = subscriptions;
        this.tabs = tabs;
    }

    void bind() {
        for (ClientTab s : model.tabs()) tabs.getTabs().add(tabFor(s));
        subscriptions.onListChange(model.tabs(), (ListChangeListener<ClientTab>) change -> {
            while (change.next()) {
                for (ClientTab gone : change.getRemoved()) {
                    tabs.getTabs().removeIf(t -> t.getUserData() == gone);
                    ViewSubscriptions pane = panes.remove(gone);
                    if (pane != null) pane.dispose();
                }
                int at = change.getFrom();
                for (ClientTab added : change.getAddedSubList()) tabs.getTabs().add(at++, tabFor(added));
            }
            lastTabStaysOpen();
        });
        lastTabStaysOpen();
        select(model.selectedTabProperty().get());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, before, tab) -> {
            if (tab != null && tab.getUserData() instanceof ClientTab s && model.selectedTabProperty().get() != s) {
                model.selectedTabProperty().set(s);
            }
        });
        subscriptions.onChange(model.selectedTabProperty(), (before, s) -> select(s));
        // The tab brought to front takes the keyboard at its URL, as a new browser tab does.
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, before, tab) -> {
            if (tab != null && tab.getContent() != null) {
                Platform.runLater(() -> {
                    var url = tab.getContent().lookup("#urlField");
                    if (url != null) url.requestFocus();
                });
            }
        });
    }

    private Tab tabFor(ClientTab s) {
        Tab tab = new Tab();
        tab.setUserData(s);
        ViewSubscriptions pane = subscriptions.child();
        panes.put(s, pane);
        tab.setContent(ClientPane.load(model, s, texts, pane));
        // The tab says where it points and, by a mark, whether it is connected.
        // Numbered as Ctrl+1 to 9 reach them.
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> (model.tabs().indexOf(s) + 1) + " "
                        + (s.stateProperty().get() == ClientState.OPEN ? "● " : "○ ") + s.title(),
                s.urlProperty(), s.stateProperty(), model.tabs()));
        tab.setOnCloseRequest(event -> {
            event.consume(); // the model decides; the list listener removes the tab
            model.closeTab(s);
        });
        return tab;
    }

    /** The last client tab cannot be closed (Replay tabs, after them in the same pane, do not count). */
    private void lastTabStaysOpen() {
        boolean several = tabs.getTabs().stream().filter(t -> t.getUserData() instanceof ClientTab).count() > 1;
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() instanceof ClientTab) t.setClosable(several);
        }
    }

    private void select(ClientTab s) {
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() == s) tabs.getSelectionModel().select(t);
        }
    }
}
