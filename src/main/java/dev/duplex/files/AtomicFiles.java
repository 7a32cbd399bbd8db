package dev.duplex.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every file Duplex writes (settings, saved messages and connections, its own key store, a saved
 * conversation) goes through here: written to a temporary file beside it, synced, then moved over the old
 * one, so a crash never leaves half a file under the real name. A package of its own because the
 * settings, the TLS code and the models all write files and none of them should depend on another for it.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** What goes into the file. Closing the stream is harmless (a JSON generator does): {@link #write} owns it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** {@code lines} as UTF-8 text, each ended with the platform's line separator: a log saved as it reads. */
    public static Content lines(java.util.List<String> lines) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        return out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code file} at once, creating its folder when missing. The temporary file is readable by
     * its owner only (as {@link Files#createTempFile} makes it on POSIX), which the key store needs.
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len); // FilterOutputStream would write byte by byte
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush(); // the channel must stay open to be synced below
                    }
                });
                out.flush();
                // Synced before the move: a rename that reaches the disk before the data leaves an empty file.
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Moves a file that cannot be read out of the way (never deletes it, the user may want it back);
     * returns where it went, or the file itself when it could not be moved.
     */
    public static Path moveAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".broken-" + System.currentTimeMillis());
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return aside;
        } catch (IOException e) {
            return file;
        }
    }
}
