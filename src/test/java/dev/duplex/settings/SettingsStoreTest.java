package dev.duplex.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsStoreTest {
    @TempDir Path dir;

    @Test
    void noFileMeansDefaultsWithoutANote() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("absent")).load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertNull(loaded.movedAside());
    }

    @Test
    void savedSettingsComeBackTheSameAndNoTempFileIsLeft() throws Exception {
        Settings s = new Settings("ws://localhost:9000/shiming", 9000, "0.0.0.0", "/shiming",
                "我已经收到消息 Received:{message}", false, "http://example.com", 5000, "zh", 1000.5, 700);
        SettingsStore store = new SettingsStore(dir.resolve("nested/config"));
        store.save(s);
        store.save(s); // over an existing file
        assertEquals(s, store.load().settings());
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertEquals(List.of(store.file().getFileName()), files.map(Path::getFileName).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "port=eighty\n", "port=70000\n", "logCap=5\n", "windowWidth=NaN\n", "language=klingon\n",
        "sendOrigin=maybe\n", "lastUrl=\\uZZZZ\n", ""
    })
    void aBrokenFileGivesDefaultsAndIsKeptAside(String content) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), content, StandardCharsets.UTF_8);
        SettingsStore.Loaded loaded = store.load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertNotNull(loaded.movedAside());
        assertTrue(Files.exists(loaded.movedAside()), "the broken file is kept, not deleted");
        assertEquals(content, Files.readString(loaded.movedAside(), StandardCharsets.UTF_8));
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void binaryGarbageIsABrokenFileToo() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.write(store.file(), new byte[] {(byte) 0xff, 0, (byte) 0xfe, '\\', 'u', 'x'});
        assertEquals(Settings.defaults(), store.load().settings());
    }

    @Test
    void missingKeysTakeTheirDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "port=9001\n");
        SettingsStore.Loaded loaded = store.load();
        assertNull(loaded.movedAside());
        assertEquals(9001, loaded.settings().port());
        assertEquals(Settings.defaults().lastUrl(), loaded.settings().lastUrl());
    }
}
