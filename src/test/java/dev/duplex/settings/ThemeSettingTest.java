package dev.duplex.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme in the settings file: kept as typed, and a file without one (or with one we do not know) still reads. */
class ThemeSettingTest {
    @TempDir Path dir;

    @Test
    void eachThemeComesBackAsSaved() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        for (ThemeChoice theme : ThemeChoice.values()) {
            Settings s = Settings.defaults().withTheme(theme);
            store.save(s);
            assertTrue(Files.readString(store.file(), StandardCharsets.UTF_8).contains("theme=" + theme.key()));
            assertEquals(s, store.load().settings());
        }
    }

    @Test
    void aFileFromBeforeThemesFollowsTheSystem() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "port=9000\nlanguage=zh\n", StandardCharsets.UTF_8);
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertNull(loaded.movedAside());
        assertEquals(ThemeChoice.SYSTEM, loaded.settings().theme());
        assertEquals(9000, loaded.settings().port());
    }

    /** Unlike a bad port, an unknown theme (a later Duplex's, or a typo) is no reason to set the file aside. */
    @Test
    void anUnknownThemeFollowsTheSystemAndKeepsTheRest() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "port=9000\ntheme=solarized\n", StandardCharsets.UTF_8);
        SettingsStore.Loaded loaded = new SettingsStore(dir).load();
        assertNull(loaded.movedAside());
        assertEquals(ThemeChoice.SYSTEM, loaded.settings().theme());
        assertEquals(9000, loaded.settings().port());
    }

    @Test
    void theNamesTypedAndKept() {
        assertEquals(Optional.of(ThemeChoice.DARK), ThemeChoice.parse("dark"));
        assertEquals(Optional.of(ThemeChoice.LIGHT), ThemeChoice.parse(" Light "));
        assertEquals(Optional.of(ThemeChoice.SYSTEM), ThemeChoice.parse("system"));
        assertEquals(Optional.empty(), ThemeChoice.parse("blue"));
        assertEquals(Optional.empty(), ThemeChoice.parse(""));
        assertEquals(ThemeChoice.SYSTEM, ThemeChoice.kept(null));
        assertEquals(ThemeChoice.SYSTEM, Settings.defaults().theme());
    }
}
