package dev.duplex.ui;

import java.net.URL;
import java.util.function.Consumer;

import dev.duplex.i18n.Texts;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TitledPane;
import javafx.util.Callback;

/**
 * Views built the first time they are shown rather than when their pane is: a tab's content when the tab
 * is first selected, a folded panel's content when it is first unfolded. Styling and laying out the
 * controls nobody sees yet was most of the window's start-up, so the first frame builds only what it shows.
 *
 * <p>What a user sees once a view is shown does not change: each view is loaded with its pane's own
 * controller factory, so its controller is made (and its subscriptions kept and ended with the pane)
 * exactly as when it was included in the pane's FXML. Views read the models when they are built, so they
 * show what happened before they were.
 */
public final class OnDemandViews {
    private final Texts texts;
    private final Callback<Class<?>, Object> controllers;

    /** @param controllers the pane's controller factory, the one its own FXML was loaded with */
    public OnDemandViews(Texts texts, Callback<Class<?>, Object> controllers) {
        this.texts = texts;
        this.controllers = controllers;
    }

    /** Fills {@code tab} with the view of {@code fxml} when it is first selected (now, if it is), then binds its controller. */
    public <C> void tab(Tab tab, URL fxml, Consumer<C> bind) {
        onFirstTrue(tab.selectedProperty(), () -> {
            Fxml.Loaded<C> view = Fxml.load(fxml, texts, controllers);
            tab.setContent(view.root());
            bind.accept(view.controller());
        });
    }

    /** Fills {@code tab} with the view of {@code fxml} when it is first selected; its controller needs nothing more. */
    public void tab(Tab tab, URL fxml) {
        tab(tab, fxml, controller -> { });
    }

    /** Fills the folded {@code panel} with the view of {@code fxml} when it is first unfolded (now, if it is). */
    public void panel(TitledPane panel, URL fxml) {
        onFirstTrue(panel.expandedProperty(), () -> panel.setContent(Fxml.load(fxml, texts, controllers).root()));
    }

    private static void onFirstTrue(ObservableValue<Boolean> shown, Runnable build) {
        if (shown.getValue()) {
            build.run();
            return;
        }
        shown.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> value, Boolean before, Boolean now) {
                if (!now) return;
                value.removeListener(this);
                build.run();
            }
        });
    }
}
