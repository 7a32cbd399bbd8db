package dev.duplex.ui.message;

import dev.duplex.model.message.JsonTree;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * One JSON value in the message view's tree. Its children's items are made when it is first opened, so a
 * long array costs a tree item per element only once someone looks inside.
 */
final class JsonTreeItem extends TreeItem<JsonTree.Node> {
    private boolean childrenMade;

    JsonTreeItem(JsonTree.Node node) {
        super(node);
    }

    @Override
    public boolean isLeaf() {
        return getValue().children().isEmpty();
    }

    @Override
    public ObservableList<TreeItem<JsonTree.Node>> getChildren() {
        if (!childrenMade) {
            childrenMade = true;
            for (JsonTree.Node child : getValue().children()) super.getChildren().add(new JsonTreeItem(child));
        }
        return super.getChildren();
    }

    /** What a row shows: the key, then the value, or how many members or elements it holds. */
    static String label(JsonTree.Node node) {
        return switch (node.kind()) {
            case OBJECT -> node.key() + " {" + node.children().size() + "}";
            case ARRAY -> node.key() + " [" + node.children().size() + "]";
            case STRING -> node.key() + ": \"" + node.value() + "\"";
            default -> node.key() + ": " + node.value();
        };
    }
}
