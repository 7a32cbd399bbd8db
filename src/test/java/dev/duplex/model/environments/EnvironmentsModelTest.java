package dev.duplex.model.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.model.Background;
import dev.duplex.model.ModelThread;

/**
 * The window's environments: the text read at start, a save that writes the file the command line reads, and a
 * text that does not read refused with where, the last good environments staying in use.
 */
class EnvironmentsModelTest {
    private final ModelThread fx = new ModelThread();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void savedEnvironmentsAreTheOnesInUseAndOnDisk(@TempDir Path config) throws Exception {
        EnvironmentsModel model = fx.call(() -> new EnvironmentsModel(config, "{\"local\": {\"host\": \"127.0.0.1\"}}",
                new Background(fx.dispatcher(), "test-files")));
        assertEquals(List.of("local"), fx.call(() -> List.copyOf(model.names())));
        fx.run(() -> {
            model.textProperty().set("local: {host: 127.0.0.1}\nstaging: {host: staging.example.com, port: 8443}\n");
            assertTrue(model.save());
        });
        assertEquals(List.of("local", "staging"), fx.call(() -> List.copyOf(model.names())));
        assertEquals(Map.of("host", "staging.example.com", "port", "8443"), fx.call(() -> model.currentProperty().get().variables("staging")));
        Path file = config.resolve("environments.yaml");
        fx.until(() -> model.writtenProperty().get());
        assertTrue(Files.readString(file).contains("staging: {host: staging.example.com, port: 8443}"));

        fx.run(() -> {
            model.textProperty().set("local: [1, 2]\n");
            assertFalse(model.save());
        });
        assertEquals("local: its variables are a mapping (name: value)", fx.call(() -> english(model.problemProperty().get())));
        assertEquals(List.of("local", "staging"), fx.call(() -> List.copyOf(model.names())), "the last good ones stay");
        assertTrue(Files.readString(file).contains("staging"), "and so does the file");
    }

    private static String english(dev.duplex.decode.Decoded said) {
        return dev.duplex.i18n.EventText.decoded(dev.duplex.i18n.Texts.of(java.util.Locale.ENGLISH), said);
    }

    @Test
    void aBrokenFileAtStartIsSaidAndKeptToEdit(@TempDir Path config) throws Exception {
        EnvironmentsModel model = fx.call(() -> new EnvironmentsModel(config, "local: {host: [\n",
                new Background(fx.dispatcher(), "test-files")));
        assertTrue(fx.call(() -> english(model.problemProperty().get())).startsWith("not YAML, line"));
        assertEquals("local: {host: [\n", fx.call(() -> model.textProperty().get()));
        assertEquals(List.of(), fx.call(() -> List.copyOf(model.names())));
    }
}
