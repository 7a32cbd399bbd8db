package dev.duplex.settings;

import dev.duplex.protocol.MessageMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Saved connections on disk: every field back as it went in, readable JSON, and a broken file set aside. */
class ConnectionStoreTest {

    private static ConnectionStore.SavedConnection sample(String name) {
        return new ConnectionStore.SavedConnection("工作 \"quotes\"", name, "ws://127.0.0.1:8080/shiming?x=1", false,
                "http://example.test", List.of("Authorization: Bearer abc", "X-Emoji: 😀"), List.of("chat.v2", "json"),
                true, "server_no_context_takeover; client_max_window_bits=10", 12_345, List.of(new SavedMessage("hello", MessageMode.TEXT, "你好\nline two"),
                        new SavedMessage("bytes", MessageMode.HEX, "00 ff")),
                "{\"onOpen\": [\"hello {{who}}\"]}", "staging",
                new SavedProtocol("stomp", false, "guest", "s3cret 你好", "{\"authToken\": \"t\"}", "duplex-vh", "qos=1 retain duplex/status 离线"));
    }

    @Test
    void everyFieldComesBackAsItWentIn() throws Exception {
        Path dir = Files.createTempDirectory("duplex-connections");
        ConnectionStore store = new ConnectionStore(dir);
        List<ConnectionStore.SavedConnection> saved = List.of(sample("seed"), sample("second"));
        store.save(saved);
        ConnectionStore.Loaded loaded = store.load();
        assertEquals(saved, loaded.connections());
        assertEquals(null, loaded.movedAside());
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"url\" : \"ws://127.0.0.1:8080/shiming?x=1\""), "indented, readable JSON:\n" + json);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(store.file()), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aConnectionWithoutAProtocolWritesNone() throws Exception {
        Path dir = Files.createTempDirectory("duplex-connections");
        ConnectionStore store = new ConnectionStore(dir);
        var plain = new ConnectionStore.SavedConnection("c", "n", "ws://h/", true, "", List.of(), List.of(), false, "",
                5_000, List.of(), "", "", null);
        store.save(List.of(plain));
        assertTrue(!Files.readString(store.file()).contains("\"protocol\""), Files.readString(store.file()));
        assertEquals(List.of(plain), store.load().connections());
    }

    @Test
    void aMissingFileIsNoConnectionsAndABrokenOneIsMovedAside() throws Exception {
        Path dir = Files.createTempDirectory("duplex-connections");
        ConnectionStore store = new ConnectionStore(dir);
        assertEquals(List.of(), store.load().connections());
        Files.writeString(store.file(), "{\"connections\": [ {\"name\": \"half\"");
        ConnectionStore.Loaded loaded = store.load();
        assertEquals(List.of(), loaded.connections());
        assertNotNull(loaded.movedAside());
        assertTrue(Files.exists(loaded.movedAside()), "the broken file is kept for the user");
        assertTrue(!Files.exists(store.file()));
    }

    @Test
    void unknownFieldsFromANewerDuplexAreSkipped() throws Exception {
        Path dir = Files.createTempDirectory("duplex-connections");
        Files.writeString(dir.resolve(ConnectionStore.FILE_NAME), """
                {"version": 2, "theme": {"dark": true}, "connections": [
                  {"collection": "c", "name": "n", "url": "ws://h/", "future": [1, 2, {"x": 3}]}
                ]}
                """);
        var loaded = new ConnectionStore(dir).load();
        assertEquals(1, loaded.connections().size());
        assertEquals("ws://h/", loaded.connections().get(0).url());
        assertTrue(loaded.connections().get(0).sendOrigin(), "defaults for what the file leaves out");
        assertEquals(SavedProtocol.NONE, loaded.connections().get(0).protocol());
    }
}
