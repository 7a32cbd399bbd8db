package dev.duplex.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.duplex.conversation.Conversation;
import dev.duplex.conversation.HarFormat;
import dev.duplex.conversation.JsonLinesFormat;
import dev.duplex.net.WsEvent;
import dev.duplex.secrets.Masking;

/**
 * {@code connect --save FILE}: the first conversation of the events (handshake, every frame with its time, the
 * close) as HAR when the name ends in .har, else as JSON Lines, masked as {@code saved} says.
 */
final class ConversationFile {
    private static final String PREFIX = "duplex connect: ";

    private ConversationFile() { }

    static boolean save(List<WsEvent> events, Masking saved, Path file, Console console) {
        List<Conversation> conversations = Conversation.allOf(events).stream().map(saved::conversation).toList();
        if (conversations.isEmpty()) {
            console.err().println(PREFIX + console.texts().get("file.nothing"));
            return false;
        }
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + HarFormat.EXTENSION)) {
                HarFormat.write(conversations.get(0), output);
            } else {
                JsonLinesFormat.write(conversations.get(0), output);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            console.err().println(PREFIX + console.texts().get("file.cannotWrite", file.toString(), String.valueOf(e.getMessage())));
            return false;
        }
    }
}
