package dev.duplex.model.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.duplex.model.Background;
import dev.duplex.model.ModelThread;
import dev.duplex.model.library.MessageLibrary;
import dev.duplex.protocol.MessageMode;

/** The message box: files loaded off the model thread, history shared by every tab's composer. */
class ComposerTest {
    private final ModelThread fx = new ModelThread();

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * The bug: Load file… read the file on the FX thread. A named pipe that nobody writes to yet would
     * block any reader: while it waits, the model thread must still run other work.
     */
    @Test
    void loadingAFileNeverBlocksTheModelThread() throws Exception {
        Path dir = Files.createTempDirectory("duplex-load");
        Path pipe = dir.resolve("slow-file");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
        Composer composer = fx.call(() -> new Composer(new MessageLibrary(), new Background(fx.dispatcher(), "io")));
        fx.run(() -> composer.loadFile(pipe));
        CountDownLatch stillRunning = new CountDownLatch(1);
        fx.dispatcher().run(stillRunning::countDown);
        assertTrue(stillRunning.await(10, TimeUnit.SECONDS), "the model thread was held up by the file");
        try (OutputStream writer = Files.newOutputStream(pipe)) {
            writer.write("你好 from a slow file".getBytes(StandardCharsets.UTF_8));
        }
        fx.until(() -> "你好 from a slow file".equals(composer.textProperty().get()));
        assertEquals(MessageMode.TEXT, fx.call(() -> composer.modeProperty().get()));
    }

    @Test
    void aBinaryFileBecomesHexAndAMissingOneIsSaidByName() throws Exception {
        Path bin = Files.write(Files.createTempFile("duplex", ".bin"), new byte[] {0, (byte) 0xff, 0x41});
        Composer composer = fx.call(() -> new Composer(new MessageLibrary(), new Background(fx.dispatcher(), "io")));
        fx.run(() -> composer.loadFile(bin));
        fx.until(() -> composer.modeProperty().get() == MessageMode.HEX);
        assertEquals("00 ff 41", fx.call(() -> composer.textProperty().get()));
        fx.run(() -> composer.loadFile(bin.resolveSibling("no-such-file-here")));
        fx.until(() -> composer.statusProperty().get().key().equals("composer.cannotRead"));
    }

    @Test
    void historyIsTheAppsAndEachComposerWalksItOnItsOwn() throws Exception {
        MessageLibrary library = new MessageLibrary();
        fx.run(() -> {
            Background io = new Background(fx.dispatcher(), "io");
            Composer one = new Composer(library, io);
            Composer two = new Composer(library, io);
            one.remember("first");
            one.remember("second");
            two.previous();
            assertEquals("second", two.textProperty().get(), "what one tab sent, the other finds with Up");
            two.previous();
            assertEquals("first", two.textProperty().get());
            two.next();
            two.next();
            assertEquals("", two.textProperty().get(), "past the newest is an empty box");
        });
    }
}
