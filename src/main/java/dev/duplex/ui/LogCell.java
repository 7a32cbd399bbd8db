package dev.duplex.ui;

import dev.duplex.i18n.EventText;
import dev.duplex.net.WsEvent;
import javafx.scene.control.ListCell;

/** One log line, coloured by its direction (in, out, state, error) through CSS style classes. */
final class LogCell extends ListCell<WsEvent> {
    private static final String[] DIRECTION_CLASSES = {"log-in", "log-out", "log-state", "log-error"};

    private final EventText format;
    private final EventText.Side side;

    LogCell(EventText format, EventText.Side side) {
        this.format = format;
        this.side = side;
        getStyleClass().add("log-cell");
    }

    @Override
    protected void updateItem(WsEvent event, boolean empty) {
        super.updateItem(event, empty);
        getStyleClass().removeAll(DIRECTION_CLASSES);
        if (empty || event == null) {
            setText(null);
            return;
        }
        EventText.Line line = format.line(event, side);
        setText(line.toString());
        getStyleClass().add(DIRECTION_CLASSES[line.direction().ordinal()]);
    }
}
