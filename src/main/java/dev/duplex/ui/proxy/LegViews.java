package dev.duplex.ui.proxy;

import dev.duplex.i18n.Texts;
import dev.duplex.model.WireLog;
import dev.duplex.model.proxy.ProxyPair;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.ViewSubscriptions;
import dev.duplex.ui.frames.FramesController;
import dev.duplex.ui.handshake.HandshakeController;
import javafx.scene.control.Tab;
import javafx.scene.layout.StackPane;

/**
 * The selected pair's two handshakes and two legs' frames, in the views the server and client panes use
 * ({@code handshake.fxml}, {@code frames.fxml}). Those views show one side for their lifetime, so a pair's
 * are built when its tab shows and built again for another pair; what the previous ones subscribed to ends
 * with them.
 */
final class LegViews {
    private final Texts texts;
    private final ViewSubscriptions parent;
    private final Tab handshakesTab;
    private final Tab framesTab;
    private final StackPane clientHandshake;
    private final StackPane upstreamHandshake;
    private final StackPane clientFrames;
    private final StackPane upstreamFrames;
    private ProxyPair pair;
    private ViewSubscriptions current;
    private boolean handshakesBuilt;
    private boolean framesBuilt;

    LegViews(Texts texts, ViewSubscriptions parent, Tab handshakesTab, Tab framesTab, StackPane clientHandshake,
            StackPane upstreamHandshake, StackPane clientFrames, StackPane upstreamFrames) {
        this.texts = texts;
        this.parent = parent;
        this.handshakesTab = handshakesTab;
        this.framesTab = framesTab;
        this.clientHandshake = clientHandshake;
        this.upstreamHandshake = upstreamHandshake;
        this.clientFrames = clientFrames;
        this.upstreamFrames = upstreamFrames;
        handshakesTab.selectedProperty().addListener((o, was, now) -> refresh());
        framesTab.selectedProperty().addListener((o, was, now) -> refresh());
    }

    /** Shows this pair (null: none) in the tab in front now, and in the other when it is brought to front. */
    void show(ProxyPair next) {
        if (next == pair) return;
        pair = next;
        if (current != null) current.dispose();
        current = parent.child();
        handshakesBuilt = false;
        framesBuilt = false;
        for (StackPane box : new StackPane[] {clientHandshake, upstreamHandshake, clientFrames, upstreamFrames}) {
            box.getChildren().clear();
        }
        refresh();
    }

    private void refresh() {
        if (pair == null) return;
        if (handshakesTab.isSelected() && !handshakesBuilt) {
            handshakesBuilt = true;
            handshake(clientHandshake, pair.clientWire());
            handshake(upstreamHandshake, pair.upstreamWire());
        }
        if (framesTab.isSelected() && !framesBuilt) {
            framesBuilt = true;
            frames(clientFrames, pair.clientWire());
            frames(upstreamFrames, pair.upstreamWire());
        }
    }

    private void handshake(StackPane box, WireLog wire) {
        ViewSubscriptions subscriptions = current;
        Fxml.Loaded<HandshakeController> view = Fxml.load(Fxml.view("handshake/handshake.fxml"), texts,
                type -> new HandshakeController(texts, subscriptions));
        view.controller().bind(wire.handshakeProperty());
        box.getChildren().setAll(view.root());
    }

    private void frames(StackPane box, WireLog wire) {
        Fxml.Loaded<FramesController> view = Fxml.load(Fxml.view("frames/frames.fxml"), texts,
                type -> new FramesController(texts));
        view.controller().bind(wire.frames(), wire.totals());
        box.getChildren().setAll(view.root());
    }
}
