package dev.duplex.settings;

import dev.duplex.protocol.MessageMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {
    @TempDir Path dir;

    @Test
    void savedMessagesAndHistoryComeBackInOrder() throws Exception {
        MessageStore store = new MessageStore(dir.resolve("cfg"));
        MessageStore.Messages m = new MessageStore.Messages(
                List.of(new SavedMessage("hello", MessageMode.TEXT, "你好 = world\\n"),
                        new SavedMessage("bytes", MessageMode.HEX, "00 ff")),
                List.of("first", "second\nline"));
        store.save(m);
        assertEquals(m, store.load());
    }

    @Test
    void noFileIsEmptyAndABrokenOneIsKeptAside() throws Exception {
        MessageStore store = new MessageStore(dir);
        assertEquals(new MessageStore.Messages(List.of(), List.of()), store.load());
        Files.writeString(store.file(), "saved.0.name=\\uZZZZ\n");
        assertEquals(new MessageStore.Messages(List.of(), List.of()), store.load());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("messages.properties.broken-")));
        }
    }
}
