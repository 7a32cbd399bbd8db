package dev.duplex.ui.frames;

import dev.duplex.model.WireLog;
import dev.duplex.ui.Fxml;
import dev.duplex.ui.OnDemandViews;
import dev.duplex.ui.handshake.HandshakeController;
import javafx.scene.control.Tab;

/**
 * One side's Frames and Handshake tabs over what crossed its wire, each built when first shown: the server
 * pane and every client pane have the same two.
 */
public final class WireTabs {
    private WireTabs() { }

    public static void build(OnDemandViews views, Tab framesTab, Tab handshakeTab, WireLog wire) {
        views.tab(framesTab, Fxml.view("frames/frames.fxml"),
                (FramesController frames) -> frames.bind(wire.frames(), wire.totals()));
        views.tab(handshakeTab, Fxml.view("handshake/handshake.fxml"),
                (HandshakeController handshake) -> handshake.bind(wire.handshakeProperty()));
    }
}
