package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code protoc} (package protobuf-compiler, which {@code .ci/run} installs): encodes a text-format
 * message, decodes one raw, and writes a descriptor set, for the protobuf tests to hold our readers against.
 * Missing, it skips the calling test (fails it under CI), per {@link ExternalPrograms#require}.
 */
public final class Protoc {
    private Protoc() { }

    /** {@code protoc --encode=TYPE PROTO} of the text-format message in {@code textFile}. */
    public static byte[] encode(Path proto, String type, Path textFile) throws Exception {
        return run(List.of("--encode=" + type, "-I", proto.getParent().toString(), proto.toString()), Files.readAllBytes(textFile));
    }

    /** {@code protoc --decode_raw} of {@code message}, as it prints it. */
    public static String decodeRaw(byte[] message) throws Exception {
        return new String(run(List.of("--decode_raw"), message), StandardCharsets.UTF_8);
    }

    /** {@code protoc --descriptor_set_out=OUT PROTO}: the file a person would choose in the message view. */
    public static Path descriptorSet(Path proto, Path out) throws Exception {
        run(List.of("--descriptor_set_out=" + out, "-I", proto.getParent().toString(), proto.toString()), new byte[0]);
        return out;
    }

    private static byte[] run(List<String> arguments, byte[] input) throws Exception {
        ExternalPrograms.require(ExternalPrograms.onPath("protoc"), "protoc (Debian's protobuf-compiler) is not on the PATH");
        List<String> command = new java.util.ArrayList<>(List.of("protoc"));
        command.addAll(arguments);
        Path err = Files.createTempFile("protoc", ".err");
        try {
            Process protoc = new ProcessBuilder(command).redirectError(err.toFile()).start();
            try (var in = protoc.getOutputStream()) {
                in.write(input);
            }
            byte[] out = protoc.getInputStream().readAllBytes();
            if (!protoc.waitFor(1, TimeUnit.MINUTES) || protoc.exitValue() != 0) {
                fail(command + " failed: " + Files.readString(err));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(command + ": " + e, e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
