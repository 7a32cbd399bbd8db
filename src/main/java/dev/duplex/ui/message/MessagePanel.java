package dev.duplex.ui.message;

import java.util.List;

import dev.duplex.i18n.Texts;
import dev.duplex.model.message.MessageModel;
import dev.duplex.net.WsEvent;
import dev.duplex.ui.Fxml;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The message view beside a list (a log, the frames, the proxy's pair log): the message chosen there opens
 * whole in {@code split}, after the list; a choice that is no message takes it away. Its view is built the
 * first time a message is chosen. One per list, on the FX thread.
 */
public final class MessagePanel {
    private final MessageModel message = new MessageModel();
    private final Texts texts;
    private final SplitPane split;
    /** How much of the split the list keeps once the message shows. */
    private final double listShare;
    private Node view;

    public MessagePanel(Texts texts, SplitPane split, double listShare) {
        this.texts = texts;
        this.split = split;
        this.listShare = listShare;
    }

    /** Shows the event at {@code index} of {@code events} when it is a message; otherwise the view goes. */
    public void show(List<? extends WsEvent> events, int index) {
        message.show(events, index);
        if (message.detailProperty().get() == null) {
            hide();
            return;
        }
        if (view == null) view = Fxml.load(Fxml.view("message/message.fxml"), texts, type -> new MessageController(message, texts)).root();
        if (split.getItems().contains(view)) return;
        split.getItems().add(view);
        split.setDividerPositions(listShare);
    }

    public void hide() {
        if (view != null) split.getItems().remove(view);
    }

    /** Whether a message shows now (for tests and the callers' own state). */
    public boolean showing() {
        return view != null && split.getItems().contains(view);
    }
}
