package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.peers.NodeWsServer;

/**
 * {@code duplex check --verbose} under Chinese against Node's {@code ws}: each case's line and the HTML page
 * give the titles in Chinese; the JSON, a machine's format, keeps them in English.
 */
class CheckTitlesInChineseTest {
    private static NodeWsServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = NodeWsServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void caseLinesAndThePageAreInChineseAndTheJsonInEnglish() throws Exception {
        CheckRuns.Run run = CheckRuns.check(dir, Locale.SIMPLIFIED_CHINESE, server.uri("/").toString(), "--group", "2", "--verbose");
        CheckRuns.assertStatus(Cli.OK, run);
        assertTrue(run.out().contains("2.5 PASS：载荷 126 字节（对控制帧过长）的 ping 使连接失败 -> "), run.out());
        assertTrue(run.html().contains("10 个 ping 得到 10 个带各自载荷的 pong"), "the page's titles follow the run's language");
        String json = Files.readString(dir.resolve("check.json"));
        assertTrue(json.contains("\"10 pings get 10 pongs with their payloads\""), json);
    }
}
