package dev.duplex.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work run once in the coming pulse, on either side of its CSS and layout. FX thread only.
 *
 * <p>Before the layout, after every listener of what just changed: a list that changes at the start of a
 * pulse (PacedList does) and is scrolled there is laid out and painted once. Scrolled from inside its
 * change, the list's own listener might not have heard of the change yet; scrolled after the pulse, it was
 * laid out and painted twice.
 *
 * <p>After the layout: for what the layout itself undoes, such as the focus a scene gives its new root's
 * first control.
 */
public final class ThisPulse {
    private ThisPulse() { }

    /** Runs {@code work} before this pulse's layout of {@code node}'s scene; off screen, after the pulse. */
    public static void beforeLayout(Node node, Runnable work) {
        Scene scene = node.getScene();
        if (scene == null) {
            Platform.runLater(work);
            return;
        }
        scene.addPreLayoutPulseListener(once(work, scene, true));
    }

    /** Runs {@code work} once the coming pulse has laid {@code scene} out. */
    public static void afterLayout(Scene scene, Runnable work) {
        scene.addPostLayoutPulseListener(once(work, scene, false));
    }

    private static Runnable once(Runnable work, Scene scene, boolean before) {
        return new Runnable() {
            @Override
            public void run() {
                if (before) scene.removePreLayoutPulseListener(this);
                else scene.removePostLayoutPulseListener(this);
                work.run();
            }
        };
    }
}
