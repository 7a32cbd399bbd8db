package dev.duplex.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerBehaviour;
import dev.duplex.net.server.ServerConfig;

class ServerInputTest {
    private static ServerInput with(String port, String bind, String pingInterval, String maxMessage,
            String maxConnections, String handshakeTimeout) {
        return new ServerInput(port, bind, "", "", pingInterval, maxMessage, "", maxConnections, handshakeTimeout);
    }

    private static FieldProblem problemOf(ServerInput input) {
        Checked<ServerConfig> c = input.config(null);
        assertFalse(c.isOk(), "refused: " + input);
        return c.problem();
    }

    @Test
    void nothingGivenIsTheDefaults() {
        ServerConfig c = ServerInput.DEFAULTS.config(null).value();
        assertEquals(ServerConfig.defaults(), c);
        assertEquals(ServerConfig.DEFAULT_PORT, c.port());
        assertEquals("127.0.0.1", c.bindAddress());
        assertEquals(ServerConfig.DEFAULT_PING_INTERVAL, c.pingInterval());
        assertEquals(ServerConfig.Limits.DEFAULT, c.limits());
        assertEquals(ServerBehaviour.NORMAL, c.behaviour());
        assertNull(c.tls());
    }

    @Test
    void everyFieldAsTyped() {
        ServerConfig c = new ServerInput(" 0 ", " 0.0.0.0 ", "shiming", "我已经收到消息 Received:{message}", "0", "1024",
                "http://localhost:3000, http://a.test  http://b.test", "5", "250").config(null).value();
        assertEquals(0, c.port());
        assertEquals("0.0.0.0", c.bindAddress());
        assertTrue(c.allInterfaces());
        assertEquals("/shiming", c.path());
        assertEquals(ReplyTemplate.SEED, c.reply());
        assertEquals(0, c.pingInterval());
        assertEquals(new ServerConfig.Limits(1024, 5, 250, List.of("http://localhost:3000", "http://a.test", "http://b.test")),
                c.limits());
    }

    @Test
    void anEmptyReplyEchoesAndAnEmptyPathServesEveryPath() {
        ServerConfig c = new ServerInput("8080", "127.0.0.1", "  ", "", "60", "1", "", null, null).config(null).value();
        assertEquals(ReplyTemplate.ECHO, c.reply());
        assertEquals("", c.path());
    }

    @Test
    void portsOutOfRangeOrNotWholeNumbers() {
        for (String bad : new String[] {"", " ", "abc", "eighty", "-1", "65536", "8080.5", "1e3", "０", "٣", "99999999999"}) {
            FieldProblem p = problemOf(with(bad, null, null, null, null, null));
            assertEquals(FieldProblem.of(Field.PORT, "form.port"), p, "'" + bad + "'");
        }
        assertEquals(65535, ServerInput.port("65535").value());
        assertEquals(8080, ServerInput.port("+8080").value());
        assertEquals(8080, ServerInput.port(null).value());
    }

    @Test
    void theBindAddressMustBeTyped() {
        for (String bad : new String[] {"", "   ", "a b", "127.0.0.1\n::1"}) {
            assertEquals(FieldProblem.of(Field.BIND_ADDRESS, "form.bind"), problemOf(with(null, bad, null, null, null, null)));
        }
        assertEquals("::1", ServerInput.bindAddress(" ::1").value());
    }

    @Test
    void limitsAndPingsHaveTheirRanges() {
        assertEquals(Field.PING_INTERVAL, problemOf(with(null, null, "86401", null, null, null)).field());
        assertEquals("form.pingInterval", problemOf(with(null, null, "-1", null, null, null)).key());
        assertEquals(86_400, with(null, null, "86400", null, null, null).config(null).value().pingInterval());
        assertEquals(FieldProblem.of(Field.MAX_MESSAGE, "form.maxMessage"), problemOf(with(null, null, null, "0", null, null)));
        assertEquals(Integer.MAX_VALUE, with(null, null, null, "2147483647", null, null).config(null).value().limits().maxMessage());
        assertEquals(FieldProblem.of(Field.MAX_CONNECTIONS, "form.maxConnections"),
                problemOf(with(null, null, null, null, "1000001", null)));
        assertEquals(FieldProblem.of(Field.HANDSHAKE_TIMEOUT, "form.handshakeTimeout"),
                problemOf(with(null, null, null, null, null, "0")));
    }

    @Test
    void theFirstBadFieldIsNamedInTheFormsOrderThenTheBehaviours() {
        assertEquals(Field.PORT, problemOf(with("x", "", "x", "x", null, null)).field());
        assertEquals(Field.BIND_ADDRESS, problemOf(with(null, "", "x", "x", null, null)).field());
        BehaviourInput badDelay = new BehaviourInput(false, null, null, null, null, "soon", null, null, null, null, true);
        assertEquals(Field.REPLY_DELAY, ServerInput.DEFAULTS.config(badDelay).problem().field());
        assertEquals(Field.PORT, with("x", null, null, null, null, null).config(badDelay).problem().field());
    }

    @Test
    void theBehaviourComesWithTheConfig() {
        BehaviourInput slow = new BehaviourInput(false, null, null, null, null, "150", "2", null, null, null, false);
        ServerBehaviour b = ServerInput.DEFAULTS.config(slow).value().behaviour();
        assertEquals(ServerBehaviour.NORMAL.withDelay(150).withDropEvery(2).withAnswerPings(false), b);
    }

    @Test
    void allowedOriginsAreSplitOnCommasAndSpaces() {
        assertEquals(List.of(), ServerInput.allowedOrigins(null));
        assertEquals(List.of(), ServerInput.allowedOrigins(" , "));
        assertEquals(List.of("http://a", "http://b"), ServerInput.allowedOrigins("http://a,http://b"));
        assertEquals(List.of("http://a", "http://b"), ServerInput.allowedOrigins("http://a\nhttp://b"));
    }
}
