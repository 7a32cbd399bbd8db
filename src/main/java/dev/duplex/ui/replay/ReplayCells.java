package dev.duplex.ui.replay;

import java.util.Locale;

import dev.duplex.i18n.Texts;
import dev.duplex.model.replay.ReplayRow;
import dev.duplex.net.Payload;
import dev.duplex.replay.Difference;
import dev.duplex.replay.Verdict;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

/**
 * The cells of a replay's comparison: where a row belongs (#2, reply 1 to #2), a message (the one sent,
 * the recorded reply, the actual reply) with its differing part marked, and the verdict, coloured by
 * pseudo-class (:same, :different, :missing, :extra, :sent, :not-sent) in duplex.css.
 */
final class ReplayCells {
    private static final PseudoClass[] VERDICTS = {PseudoClass.getPseudoClass("same"),
            PseudoClass.getPseudoClass("different"), PseudoClass.getPseudoClass("missing"),
            PseudoClass.getPseudoClass("extra")};
    /** The width of the mark of an empty span. */
    private static final double EMPTY_MARK = 3;
    private static final PseudoClass SENT = PseudoClass.getPseudoClass("sent");
    private static final PseudoClass NOT_SENT = PseudoClass.getPseudoClass("not-sent");

    private ReplayCells() { }

    /** Which of a row's messages a message cell shows. */
    enum Side { SENT, RECORDED, ACTUAL }

    /** The row's place: the client message's number, or which reply of which message. */
    static final class Where extends TableCell<ReplayRow, ReplayRow> {
        private final Texts texts;

        Where(Texts texts) {
            this.texts = texts;
        }

        @Override
        protected void updateItem(ReplayRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) setText(null);
            else if (!row.isReply()) setText("#" + row.step());
            else if (row.step() == 0) setText(texts.get("replay.greeting", row.verdict().reply()));
            else setText(texts.get("replay.reply", row.verdict().reply(), row.step()));
        }
    }

    /** The verdict (or "sent", "not sent" on a message's row), in its colour. */
    static final class Judgement extends TableCell<ReplayRow, ReplayRow> {
        private final Texts texts;

        Judgement(Texts texts) {
            this.texts = texts;
            getStyleClass().add("replay-verdict");
        }

        @Override
        protected void updateItem(ReplayRow row, boolean empty) {
            super.updateItem(row, empty);
            for (PseudoClass p : VERDICTS) pseudoClassStateChanged(p, false);
            pseudoClassStateChanged(SENT, false);
            pseudoClassStateChanged(NOT_SENT, false);
            if (empty || row == null) {
                setText(null);
            } else if (row.isReply()) {
                Verdict.Kind kind = row.verdict().kind();
                pseudoClassStateChanged(VERDICTS[kind.ordinal()], true);
                setText(texts.get("replay.verdict." + kind.name().toLowerCase(Locale.ROOT)));
            } else {
                pseudoClassStateChanged(row.notSent() ? NOT_SENT : SENT, true);
                setText(texts.get(row.notSent() ? "replay.verdict.notSent" : "replay.verdict.sent"));
            }
        }
    }

    /** One of the row's messages on one line; on a row that differs, the differing part marked. */
    static final class Message extends TableCell<ReplayRow, ReplayRow> {
        private final Texts texts;
        private final Side side;
        private final Label before = new Label();
        private final Label marked = new Label();
        private final Label after = new Label();
        private final HBox line = new HBox(before, marked, after);

        Message(Texts texts, Side side) {
            this.texts = texts;
            this.side = side;
            getStyleClass().add("replay-message");
            marked.getStyleClass().add("replay-marked");
            // A narrow column cuts the text around the mark, never the mark: "…before", the mark whole, "after…".
            before.setMinWidth(0);
            before.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            marked.setMinWidth(Label.USE_PREF_SIZE);
            after.setMinWidth(0);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setMinWidth(0);
            // As wide as the cell's room, so that the labels shrink (and cut) rather than run past its edge.
            line.prefWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset() - 2), widthProperty(), paddingProperty()));
            line.maxWidthProperty().bind(line.prefWidthProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(ReplayRow row, boolean empty) {
            super.updateItem(row, empty);
            Payload shown = empty || row == null ? null : payload(row);
            if (shown == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Difference d = row.isReply() ? row.verdict().difference() : null;
            MarkedParts parts = d == null || side == Side.SENT ? MarkedParts.plain(text(shown))
                    : side == Side.RECORDED ? MarkedParts.of(shown, d.inBytes(), d.recordedStart(), d.recordedEnd())
                    : MarkedParts.of(shown, d.inBytes(), d.replayedStart(), d.replayedEnd());
            before.setText(parts.before());
            after.setText(parts.after());
            marked.setText(parts.marked());
            // An empty span (the other side has units inserted here) is a thin bar where they would be.
            double width = parts.marked().isEmpty() ? EMPTY_MARK : Label.USE_PREF_SIZE;
            marked.setMinWidth(width);
            marked.setPrefWidth(parts.marked().isEmpty() ? EMPTY_MARK : Label.USE_COMPUTED_SIZE);
            boolean mark = d != null && side != Side.SENT;
            marked.setVisible(mark);
            marked.setManaged(mark);
            setGraphic(line);
            // The whole message, for when the column is too narrow for it.
            String whole = text(shown);
            setTooltip(new Tooltip(whole.length() <= 2_000 ? whole : whole.substring(0, 2_000) + "…"));
        }

        private Payload payload(ReplayRow row) {
            return switch (side) {
                case SENT -> row.sent();
                case RECORDED -> row.isReply() ? row.verdict().recorded() : null;
                case ACTUAL -> row.isReply() ? row.verdict().replayed() : null;
            };
        }

        /** A message with nothing marked: its text, or its size and hex when binary. */
        private String text(Payload p) {
            return p.isBinary() ? texts.get("replay.binary", p.size(), p.hexPreview(32)) : p.text();
        }
    }
}
