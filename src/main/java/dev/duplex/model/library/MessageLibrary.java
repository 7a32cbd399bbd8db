package dev.duplex.model.library;

import java.util.ArrayList;
import java.util.List;

import dev.duplex.settings.MessageStore;
import dev.duplex.settings.SavedMessage;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The app's messages: those saved under a name and the history of what was sent, one library for the
 * whole window and shown in every client tab, kept across restarts in {@code messages.properties}. FX
 * thread only.
 */
public final class MessageLibrary {
    /** How many sent messages the history keeps. */
    public static final int HISTORY_SIZE = 100;

    private final ObservableList<SavedMessage> saved = FXCollections.observableArrayList();
    private final List<String> history = new ArrayList<>();

    /** Puts back what an earlier run kept. */
    public void restore(MessageStore.Messages kept) {
        saved.setAll(kept.saved());
        history.clear();
        List<String> sent = kept.history();
        history.addAll(sent.subList(Math.max(0, sent.size() - HISTORY_SIZE), sent.size()));
    }

    /** What to keep for the next run. */
    public MessageStore.Messages toKeep() {
        return new MessageStore.Messages(List.copyOf(saved), List.copyOf(history));
    }

    /** Saves a message under its name, replacing one of the same name. */
    public void save(SavedMessage message) {
        if (message.name().isBlank()) return;
        saved.removeIf(s -> s.name().equals(message.name()));
        saved.add(message);
    }

    /** Adds a message that came with a saved connection, unless one of that name is already kept. */
    public void addIfNew(SavedMessage message) {
        if (saved.stream().noneMatch(s -> s.name().equals(message.name()))) saved.add(message);
    }

    public void delete(SavedMessage message) {
        saved.remove(message);
    }

    /** Remembers a sent message, once, as the newest. */
    public void remember(String sent) {
        if (!history.isEmpty() && history.get(history.size() - 1).equals(sent)) return;
        history.add(sent);
        if (history.size() > HISTORY_SIZE) history.remove(0);
    }

    /** The sent messages, oldest first. */
    public List<String> history() {
        return List.copyOf(history);
    }

    public ObservableList<SavedMessage> saved() { return saved; }
}
