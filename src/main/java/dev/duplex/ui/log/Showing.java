package dev.duplex.ui.log;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * Whether a node is on screen as far as the scene graph says: in a scene, with it and every ancestor
 * visible. A tab that is not in front has its content hidden, so a view in it can tell that nobody looks
 * and spare the FX thread the rows it would lay out for nobody. Follows the node as it moves. FX thread only.
 */
public final class Showing {
    private final Node node;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final List<Node> watched = new ArrayList<>();
    private final InvalidationListener recheck = o -> recheck();

    private Showing(Node node) {
        this.node = node;
        node.sceneProperty().addListener(recheck);
        recheck();
    }

    /** Watches {@code node}; keep the result while the view lives (it holds the listeners). */
    public static Showing of(Node node) {
        return new Showing(node);
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public boolean isShowing() {
        return showing.get();
    }

    private void recheck() {
        for (Node n : watched) {
            n.visibleProperty().removeListener(recheck);
            n.parentProperty().removeListener(recheck);
        }
        watched.clear();
        boolean all = node.getScene() != null;
        for (Node n = node; n != null; n = n.getParent()) {
            watched.add(n);
            n.visibleProperty().addListener(recheck);
            n.parentProperty().addListener(recheck);
            all &= n.isVisible();
        }
        showing.set(all);
    }
}
