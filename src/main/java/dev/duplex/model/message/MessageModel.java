package dev.duplex.model.message;

import java.util.List;
import java.util.Optional;

import dev.duplex.net.WsEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The message view's model: the message chosen in a log, shown whole. The log chooses with {@link #show};
 * a line that is not a message leaves nothing chosen. Used on the FX thread only.
 */
public final class MessageModel {
    private final ReadOnlyObjectWrapper<MessageDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");

    /** The message shown, or null when the chosen line is not a message. */
    public ReadOnlyObjectProperty<MessageDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Shows the event at {@code index} of {@code log}, when it is a message; otherwise nothing. */
    public void show(List<? extends WsEvent> log, int index) {
        Optional<MessageDetail> chosen = index >= 0 && index < log.size()
                ? MessageDetail.of(log.get(index), log, index) : Optional.empty();
        detail.set(chosen.orElse(null));
    }

    /** The node that the search for {@code needle} selects after {@code from}, in the tree shown. */
    public Optional<JsonTree.Node> find(JsonTree.Node from, String needle) {
        MessageDetail shown = detail.get();
        if (shown == null || shown.json().isEmpty()) return Optional.empty();
        return JsonTree.next(shown.json().get(), from, needle);
    }
}
