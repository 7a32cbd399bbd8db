package dev.duplex.ui.frames;

import static dev.duplex.ui.frames.FrameText.frame;

import java.util.function.Function;

import dev.duplex.net.WsEvent;
import dev.duplex.net.wire.FrameInfo;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A cell of the frame table, made to be updated often: during a flood every visible cell gets a new row's
 * value each batch, and the table asks most of them twice. So a value equal to the one shown sets nothing
 * (a new String, even an equal one, would lay the cell out again), and a cell that explains its frame on
 * hover keeps one tooltip whose text changes, instead of a new popup control per update.
 */
final class FrameCell extends TableCell<WsEvent, String> {
    /** What the cell says of its row's frame on hover, "" for nothing; null for a cell without a tooltip. */
    private final Function<FrameInfo, String> explanation;
    private Tooltip tooltip;

    FrameCell(Function<FrameInfo, String> explanation) {
        this.explanation = explanation;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        String text = empty ? null : item;
        if (!java.util.Objects.equals(text, getText())) setText(text);
        if (explanation == null) return;
        WsEvent e = empty || getTableRow() == null ? null : getTableRow().getItem();
        String tip = e == null ? "" : explanation.apply(frame(e));
        if (tip.isEmpty()) {
            if (getTooltip() != null) setTooltip(null);
            return;
        }
        if (tooltip == null) tooltip = new Tooltip();
        if (!tip.equals(tooltip.getText())) tooltip.setText(tip);
        if (getTooltip() != tooltip) setTooltip(tooltip);
    }
}
