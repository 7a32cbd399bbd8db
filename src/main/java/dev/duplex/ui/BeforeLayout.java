package dev.duplex.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs work in this pulse, after every listener of what just changed and before the pulse's CSS and layout:
 * a list that changes at the start of a pulse (PacedList does) and is scrolled here is laid out and painted
 * once. Scrolled from inside its change, the list's own listener might not have heard of the change yet;
 * scrolled after the pulse, it was laid out and painted twice. Off screen, the work runs after the pulse.
 */
public final class BeforeLayout {
    private BeforeLayout() { }

    /** FX thread. */
    public static void run(Node node, Runnable work) {
        Scene scene = node.getScene();
        if (scene == null) {
            Platform.runLater(work);
            return;
        }
        scene.addPreLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePreLayoutPulseListener(this);
                work.run();
            }
        });
    }
}
