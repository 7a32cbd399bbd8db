package dev.duplex.ui.log;

import dev.duplex.i18n.EventText;
import dev.duplex.net.WsEvent;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/**
 * One log line, coloured by its direction through a CSS pseudo-class ({@code :in}, {@code :out},
 * {@code :state}, {@code :error}). A pseudo-class, not a style class: changing a style class makes
 * JavaFX re-resolve the cell's CSS from scratch, and cells are updated on every batch of a flood.
 */
final class LogCell extends ListCell<WsEvent> {
    private static final PseudoClass[] DIRECTIONS = {
        PseudoClass.getPseudoClass("in"), PseudoClass.getPseudoClass("out"),
        PseudoClass.getPseudoClass("state"), PseudoClass.getPseudoClass("error"), PseudoClass.getPseudoClass("lab")
    };

    private final EventText format;
    private final EventText.Side side;
    private final dev.duplex.i18n.Help help;
    private EventText.Direction shown;
    /** The event this cell shows the line of: the list asks a cell again for the event it has, often. */
    private WsEvent showing;

    LogCell(EventText format, EventText.Side side, dev.duplex.i18n.Help help) {
        this.format = format;
        this.side = side;
        this.help = help;
        getStyleClass().add("log-cell");
    }

    @Override
    protected void updateItem(WsEvent event, boolean empty) {
        super.updateItem(event, empty);
        if (empty || event == null) {
            showing = null;
            setText(null);
            setTooltip(null);
            show(null);
            return;
        }
        // During a flood every visible cell is given a new event each batch, and asked twice: once by the
        // list's change, once by the layout. The second time, nothing to format or lay out again.
        if (event == showing) return;
        showing = event;
        EventText.Line line = format.line(event, side);
        setText(line.toString());
        show(line.direction());
        // A close code explained on hover, from RFC 6455.
        int code = event instanceof WsEvent.Closed c ? c.code() : event instanceof WsEvent.ClientLeft l ? l.code() : 0;
        String tip = code == 0 ? "" : help.closeCode(code);
        if (tip.isEmpty()) {
            if (getTooltip() != null) setTooltip(null);
        } else {
            setTooltip(new javafx.scene.control.Tooltip(code + ": " + tip));
        }
    }

    private void show(EventText.Direction direction) {
        if (direction == shown) return;
        if (shown != null) pseudoClassStateChanged(DIRECTIONS[shown.ordinal()], false);
        if (direction != null) pseudoClassStateChanged(DIRECTIONS[direction.ordinal()], true);
        shown = direction;
    }
}
