package dev.duplex.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The composer's saved messages and its history, kept across restarts beside the settings in
 * {@code messages.properties}, written atomically. An unreadable file is moved aside and read as empty.
 */
public final class MessageStore {
    public static final String FILE_NAME = "messages.properties";

    /** What the file holds. */
    public record Messages(List<SavedMessage> saved, List<String> history) {
        public Messages {
            saved = List.copyOf(saved);
            history = List.copyOf(history);
        }
    }

    private final Path dir;

    public MessageStore(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    public Messages load() {
        Path file = file();
        if (!Files.exists(file)) return new Messages(List.of(), List.of());
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            PropertiesFiles.moveAside(file);
            return new Messages(List.of(), List.of());
        }
        List<SavedMessage> saved = new ArrayList<>();
        for (int i = 0; p.containsKey("saved." + i + ".name"); i++) {
            saved.add(new SavedMessage(p.getProperty("saved." + i + ".name"),
                    dev.duplex.protocol.MessageMode.named(p.getProperty("saved." + i + ".mode", "TEXT")), p.getProperty("saved." + i + ".text", "")));
        }
        List<String> history = new ArrayList<>();
        for (int i = 0; p.containsKey("history." + i); i++) history.add(p.getProperty("history." + i));
        return new Messages(saved, history);
    }

    public void save(Messages messages) throws IOException {
        Properties p = new Properties();
        for (int i = 0; i < messages.saved().size(); i++) {
            SavedMessage m = messages.saved().get(i);
            p.setProperty("saved." + i + ".name", m.name());
            p.setProperty("saved." + i + ".mode", m.mode().name());
            p.setProperty("saved." + i + ".text", m.text());
        }
        for (int i = 0; i < messages.history().size(); i++) p.setProperty("history." + i, messages.history().get(i));
        PropertiesFiles.write(file(), p, "Duplex saved messages and history");
    }
}
