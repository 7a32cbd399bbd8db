package dev.duplex.ui.proxy;

import dev.duplex.i18n.EventText;
import dev.duplex.i18n.ProxyText;
import dev.duplex.net.proxy.ProxyEvent;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/**
 * One line of a pair's log, in the command line's words ({@link ProxyText}), coloured as the other logs'
 * lines are: up to the server as sent, down to the client as received, rewrites and drops as the lab's.
 */
final class ProxyLogCell extends ListCell<ProxyEvent> {
    private static final PseudoClass[] DIRECTIONS = {
        PseudoClass.getPseudoClass("in"), PseudoClass.getPseudoClass("out"),
        PseudoClass.getPseudoClass("state"), PseudoClass.getPseudoClass("error"), PseudoClass.getPseudoClass("lab")
    };

    private final ProxyText format;
    private EventText.Direction shown;
    private ProxyEvent showing;

    ProxyLogCell(ProxyText format) {
        this.format = format;
        getStyleClass().add("log-cell");
    }

    @Override
    protected void updateItem(ProxyEvent event, boolean empty) {
        super.updateItem(event, empty);
        if (empty || event == null) {
            showing = null;
            setText(null);
            show(null);
            return;
        }
        if (event == showing) return;
        showing = event;
        EventText.Line line = format.line(event);
        setText(line.toString());
        show(line.direction());
    }

    private void show(EventText.Direction direction) {
        if (direction == shown) return;
        if (shown != null) pseudoClassStateChanged(DIRECTIONS[shown.ordinal()], false);
        if (direction != null) pseudoClassStateChanged(DIRECTIONS[direction.ordinal()], true);
        shown = direction;
    }
}
