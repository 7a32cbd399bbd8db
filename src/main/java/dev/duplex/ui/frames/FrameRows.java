package dev.duplex.ui.frames;

import dev.duplex.net.WsEvent;
import dev.duplex.ui.ThisPulse;
import dev.duplex.ui.PacedList;
import dev.duplex.ui.log.Showing;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;

/**
 * The frame table's rows: the filtered frames while the view is on screen, none while it is hidden (a
 * hidden table would still update its cells for every batch of a flood, for nobody), and the newest row
 * scrolled to when auto-scroll is on. The filtered list keeps up meanwhile, which costs little, and the
 * frame selected when the view hid is selected again when it shows.
 */
final class FrameRows {
    private final TableView<WsEvent> table;
    /** The filtered frames as the table shows them: up to date at most ten times a second (see PacedList). */
    private final PacedList<WsEvent> shown;
    private final CheckBox autoScroll;
    private final Showing showing;
    private WsEvent kept;
    private boolean scrollPending;

    FrameRows(TableView<WsEvent> table, FilteredList<WsEvent> filtered, CheckBox autoScroll) {
        this.table = table;
        this.shown = new PacedList<>(filtered);
        this.autoScroll = autoScroll;
        this.showing = Showing.of(table);
        showing.showingProperty().addListener((o, was, now) -> show(now));
        show(showing.isShowing());
        // Scrolled in the pulse the rows changed in, before its layout (see ThisPulse): one layout, one paint.
        shown.addListener((ListChangeListener<WsEvent>) change -> {
            if (!autoScroll.isSelected() || scrollPending || table.getItems() != shown) return;
            scrollPending = true;
            ThisPulse.beforeLayout(table, () -> {
                scrollPending = false;
                if (!shown.isEmpty() && table.getItems() == shown) table.scrollTo(shown.size() - 1);
            });
        });
    }

    private void show(boolean on) {
        shown.setOnScreen(on);
        if (on == (table.getItems() == shown)) return;
        if (!on) {
            kept = table.getSelectionModel().getSelectedItem();
            table.setItems(FXCollections.emptyObservableList());
            return;
        }
        table.setItems(shown);
        int at = kept == null ? -1 : shown.indexOf(kept);
        kept = null;
        if (at >= 0) table.getSelectionModel().select(at);
        if (autoScroll.isSelected() && !shown.isEmpty()) table.scrollTo(at >= 0 ? at : shown.size() - 1);
    }
}
