package dev.duplex.model;

import java.nio.file.Path;

import dev.duplex.settings.ConnectionStore;
import dev.duplex.settings.MessageStore;
import dev.duplex.settings.Settings;
import dev.duplex.settings.SettingsStore;

/**
 * What Duplex keeps on disk and the window starts from: the settings, the saved messages and history,
 * the saved connections, the named environments, and where an unreadable settings or connections file was moved aside. Read in
 * one go before the window exists, so the FX thread never waits on the disk (DuplexApp reads it in
 * {@code init()}, on the launcher thread).
 *
 * @param settingsMovedAside where a broken settings file went; null when it was fine or absent
 */
public record StoredState(Settings settings, Path settingsMovedAside, MessageStore.Messages messages,
        ConnectionStore.Loaded connections, String environments, dev.duplex.settings.ProxyFormStore.Loaded proxyForm) {

    /** Reads the three files; blocking, so never on the FX thread. */
    public static StoredState read(Path configDir, Path dataDir) {
        SettingsStore.Loaded settings = new SettingsStore(configDir).load();
        return new StoredState(settings.settings(), settings.movedAside(), new MessageStore(configDir).load(),
                new ConnectionStore(dataDir).load(), environments(configDir),
                new dev.duplex.settings.ProxyFormStore(configDir).load());
    }

    /** The messages and connections read now, with settings given rather than read (tests start from their own). */
    public static StoredState withSettings(Settings settings, Path configDir, Path dataDir) {
        return new StoredState(settings, null, new MessageStore(configDir).load(), new ConnectionStore(dataDir).load(),
                environments(configDir), new dev.duplex.settings.ProxyFormStore(configDir).load());
    }

    /** The environments file as typed, "" when there is none or it cannot be read (the window then starts without). */
    private static String environments(Path configDir) {
        try {
            return java.nio.file.Files.readString(configDir.resolve(dev.duplex.rules.Environments.FILE));
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
