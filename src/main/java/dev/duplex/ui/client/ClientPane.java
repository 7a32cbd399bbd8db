package dev.duplex.ui.client;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientTab;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.ViewSubscriptions;
import dev.duplex.ui.burst.BurstController;
import dev.duplex.ui.composer.ComposerController;
import dev.duplex.ui.control.ControlFramesController;
import dev.duplex.ui.frames.FramesController;
import dev.duplex.ui.handshake.HandshakeController;
import dev.duplex.ui.log.LogController;
import dev.duplex.ui.options.OptionsController;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads one client tab's pane (client.fxml and the panels it includes) over its tab model, in one language. */
public final class ClientPane {
    private ClientPane() { }

    /** @param subscriptions what the pane's views listen to, ended when the tab closes or the window goes */
    public static Parent load(Workbench workbench, ClientTab tab, Texts texts, ViewSubscriptions subscriptions) {
        // A class, not a lambda: the client controller's on-demand views load with this same factory.
        Callback<Class<?>, Object> controllers = new Callback<>() {
            @Override
            public Object call(Class<?> type) {
                return controllerFor(type, workbench, tab, texts, subscriptions, this);
            }
        };
        return Fxml.load(ClientPane.class.getResource("client.fxml"), texts, controllers).root();
    }

    private static Object controllerFor(Class<?> type, Workbench workbench, ClientTab tab, Texts texts,
            ViewSubscriptions subscriptions, Callback<Class<?>, Object> controllers) {
        if (type == ClientController.class) return new ClientController(tab, texts, new OnDemandViews(texts, controllers));
        if (type == dev.duplex.ui.login.LoginController.class) return new dev.duplex.ui.login.LoginController(tab.login());
        if (type == OptionsController.class) return new OptionsController(workbench.connections(), tab, texts);
        if (type == dev.duplex.ui.decode.DecodeController.class) {
            return new dev.duplex.ui.decode.DecodeController(tab.decoding(), tab.stateProperty(), texts);
        }
        if (type == dev.duplex.ui.rules.RulesController.class) {
            return new dev.duplex.ui.rules.RulesController(tab.rules(), workbench.environments(), tab.stateProperty(), texts,
                    subscriptions);
        }
        if (type == dev.duplex.ui.environments.EnvironmentsController.class) {
            return new dev.duplex.ui.environments.EnvironmentsController(workbench.environments(), texts, subscriptions);
        }
        if (type == ComposerController.class) return new ComposerController(tab, texts);
        if (type == ControlFramesController.class) return new ControlFramesController(tab.controlFrames(), texts);
        if (type == BurstController.class) return new BurstController(tab.burst(), tab.stateProperty(), texts, subscriptions);
        if (type == LogController.class) return new LogController(texts, subscriptions);
        if (type == FramesController.class) return new FramesController(texts);
        if (type == HandshakeController.class) return new HandshakeController(texts, subscriptions, tab.login()::secretParams);
        throw new IllegalArgumentException("no controller " + type);
    }
}
