package dev.duplex.ui.shell;

import java.util.function.Consumer;

import dev.duplex.i18n.Texts;
import dev.duplex.model.Workbench;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.ViewSubscriptions;
import dev.duplex.ui.behaviours.BehavioursController;
import dev.duplex.ui.frames.FramesController;
import dev.duplex.ui.handshake.HandshakeController;
import dev.duplex.ui.lab.LabController;
import dev.duplex.ui.log.LogController;
import dev.duplex.ui.proxy.HandController;
import dev.duplex.ui.proxy.InterceptController;
import dev.duplex.ui.proxy.PairsController;
import dev.duplex.ui.proxy.ProxyController;
import dev.duplex.ui.server.LimitsController;
import dev.duplex.ui.server.ServerController;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * The window's content in one language: main.fxml with the server's pane and its panels, and the client
 * tabs, over the shared model; and what all of its views subscribed to, ended by {@link #dispose} when a
 * language switch replaces it, so that nothing on screen is lost and nothing off screen stays.
 */
record MainView(Parent root, ViewSubscriptions subscriptions) {

    static MainView load(Workbench model, Texts texts, Consumer<String> languageSwitch) {
        ViewSubscriptions subscriptions = new ViewSubscriptions();
        // A class, not a lambda: the server controller's on-demand views load with this same factory.
        Callback<Class<?>, Object> controllers = new Callback<>() {
            @Override
            public Object call(Class<?> type) {
                return controllerFor(type, model, texts, languageSwitch, subscriptions, this);
            }
        };
        Parent root = Fxml.load(MainView.class.getResource("main.fxml"), texts, controllers).root();
        root.getStylesheets().add(MainView.class.getResource("duplex.css").toExternalForm());
        return new MainView(root, subscriptions);
    }

    private static Object controllerFor(Class<?> type, Workbench model, Texts texts, Consumer<String> languageSwitch,
            ViewSubscriptions subscriptions, Callback<Class<?>, Object> controllers) {
        if (type == MainController.class) return new MainController(model, texts, languageSwitch, subscriptions,
                new OnDemandViews(texts, controllers));
        if (type == ServerController.class) return new ServerController(model.server(), texts, new OnDemandViews(texts, controllers));
        if (type == BehavioursController.class) return new BehavioursController(model.server().behaviours(), texts);
        if (type == LimitsController.class) return new LimitsController(model.server(), texts);
        if (type == LabController.class) return new LabController(model.server().clients(), model.server().lab(), subscriptions);
        if (type == LogController.class) return new LogController(texts, subscriptions);
        if (type == FramesController.class) return new FramesController(texts);
        if (type == HandshakeController.class) return new HandshakeController(texts, subscriptions);
        if (type == ProxyController.class) return new ProxyController(model.proxy(), texts, subscriptions);
        if (type == dev.duplex.ui.clientcheck.ClientCheckController.class) {
            return new dev.duplex.ui.clientcheck.ClientCheckController(model.clientCheck(), texts);
        }
        if (type == dev.duplex.ui.check.CheckController.class) return new dev.duplex.ui.check.CheckController(model.check(), texts);
        if (type == PairsController.class) return new PairsController(model.proxy(), texts, subscriptions,
                new OnDemandViews(texts, controllers));
        if (type == InterceptController.class) return new InterceptController(model.proxy().interceptor(), texts, subscriptions);
        if (type == HandController.class) return new HandController(model.proxy(), texts);
        throw new IllegalArgumentException("no controller " + type);
    }

    void dispose() {
        subscriptions.dispose();
    }
}
