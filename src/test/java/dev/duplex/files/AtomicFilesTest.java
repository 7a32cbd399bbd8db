package dev.duplex.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAFileInAFolderThatDidNotExistAndReplacesItLater() throws IOException {
        Path file = dir.resolve("a/b/settings.properties");
        AtomicFiles.write(file, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(file, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(file));
        assertEquals(List.of(file), files(file.getParent()), "no temporary file is left behind");
    }

    @Test
    void contentThatClosesTheStreamIsStillWrittenWhole() throws IOException {
        Path file = dir.resolve("connections.json");
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        AtomicFiles.write(file, out -> {
            out.write(bytes);
            out.close(); // as a JSON generator does when it is closed
        });
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = dir.resolve("messages.properties");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), files(dir));
    }

    @Test
    void anUnreadableFileIsMovedAsideNotDeleted() throws IOException {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "\\u12");
        Path aside = AtomicFiles.moveAside(file);
        assertFalse(Files.exists(file));
        assertTrue(aside.getFileName().toString().startsWith("settings.properties.broken-"), aside.toString());
        assertEquals("\\u12", Files.readString(aside));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }
}
