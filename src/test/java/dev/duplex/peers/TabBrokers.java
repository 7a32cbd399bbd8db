package dev.duplex.peers;

import java.net.URI;
import java.nio.file.Path;

/**
 * The Debian brokers of this package ({@link DebianRabbitMq}, {@link DebianMosquitto}) for tests in other
 * packages, the window's above all: only what a tab needs of them, their WebSocket URL and a foreign client
 * publishing. Skipped when the broker is missing, failing under {@code CI=true}, as the helpers are.
 */
public final class TabBrokers {
    private TabBrokers() { }

    /** RabbitMQ with Web-STOMP, on its own free loopback ports and files under {@code dir}. */
    public static RabbitMq rabbitMq(Path dir) throws Exception {
        return new RabbitMq(DebianRabbitMq.start(dir));
    }

    /** mosquitto with an anonymous websockets listener and a TCP one for mosquitto_pub, under {@code dir}. */
    public static Mosquitto mosquitto(Path dir) throws Exception {
        return new Mosquitto(DebianMosquitto.start(dir));
    }

    public static final class RabbitMq implements AutoCloseable {
        private final DebianRabbitMq broker;

        private RabbitMq(DebianRabbitMq broker) {
            this.broker = broker;
        }

        /** STOMP over WebSocket. */
        public URI url() {
            return broker.url();
        }

        @Override
        public void close() throws Exception {
            broker.close();
        }
    }

    public static final class Mosquitto implements AutoCloseable {
        private final DebianMosquitto broker;

        private Mosquitto(DebianMosquitto broker) {
            this.broker = broker;
        }

        /** MQTT over WebSocket, anonymous. */
        public URI wsUrl() {
            return broker.wsUrl();
        }

        /** MQTT over WebSocket on the listener that lets in {@link #USER} with {@link #PASSWORD} only. */
        public URI loginWsUrl() {
            return broker.refusingWsUrl();
        }

        public static final String USER = DebianMosquitto.USER;
        public static final String PASSWORD = DebianMosquitto.PASSWORD;

        /** mosquitto_pub on the TCP listener with these arguments, run to its end (failing when it fails). */
        public void publish(String... args) throws Exception {
            broker.publish(args);
        }

        /** The broker's own log, for a failure's message. */
        public String log() throws java.io.IOException {
            return broker.log();
        }

        @Override
        public void close() throws Exception {
            broker.close();
        }
    }
}
