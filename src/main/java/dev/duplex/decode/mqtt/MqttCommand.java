package dev.duplex.decode.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * A typed command read into its parts, or null when it is typed wrongly (the session then says its usage):
 * {@code /subscribe TOPIC [qos=0|1|2]}, {@code /unsubscribe TOPIC}, {@code /publish [qos=0|1|2] [retain] TOPIC BODY}
 * and {@code /disconnect}. A topic is one word; the body is the rest of the line as typed, UTF-8 on the wire.
 */
record MqttCommand(String name, String topic, int qos, boolean retain, byte[] body) {
    static final String SUBSCRIBE = "subscribe", UNSUBSCRIBE = "unsubscribe", PUBLISH = "publish", DISCONNECT = "disconnect";

    /** The usage key of a command of ours, or null when the name is not one. */
    static String usageKey(String name) {
        return switch (name) {
            case SUBSCRIBE, UNSUBSCRIBE, PUBLISH, DISCONNECT -> "decode.mqtt.usage." + name;
            default -> null;
        };
    }

    static MqttCommand parse(String name, String rest) {
        String typed = rest.strip();
        String[] words = typed.isEmpty() ? new String[0] : typed.split("\\s+");
        return switch (name) {
            case SUBSCRIBE -> {
                if (words.length < 1 || words.length > 2 || !filter(words[0])) yield null;
                int qos = words.length == 2 ? qos(words[1]) : 0;
                yield qos < 0 ? null : new MqttCommand(name, words[0], qos, false, new byte[0]);
            }
            case UNSUBSCRIBE -> words.length == 1 && filter(words[0]) ? new MqttCommand(name, words[0], 0, false, new byte[0]) : null;
            case DISCONNECT -> words.length == 0 ? new MqttCommand(name, "", 0, false, new byte[0]) : null;
            case PUBLISH -> publish(typed);
            default -> null;
        };
    }

    /** /publish: the options first, in either order, then the topic, then the body (which may have spaces). */
    private static MqttCommand publish(String typed) {
        int qos = 0;
        boolean retain = false;
        String left = typed;
        while (true) {
            String word = left.split("\\s+", 2)[0];
            if (word.startsWith("qos=") && qos(word) < 0) return null; // qos=3 is a mistake, not a topic
            if (word.startsWith("qos=")) {
                qos = qos(word);
            } else if (word.equals("retain")) {
                retain = true;
            } else {
                break;
            }
            left = left.substring(word.length()).stripLeading();
        }
        String[] topicAndBody = left.split("\\s", 2);
        String topic = topicAndBody[0];
        // A topic name has no wildcards (MQTT 5 section 4.7.1): those are for subscriptions only.
        if (topic.isEmpty() || topic.contains("+") || topic.contains("#") || topicAndBody.length < 2) return null;
        return new MqttCommand(PUBLISH, topic, qos, retain, topicAndBody[1].getBytes(StandardCharsets.UTF_8));
    }

    /** A topic filter: not empty; a {@code #} only as the last level, a {@code +} only as a whole level. */
    private static boolean filter(String f) {
        String[] levels = f.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) return false;
            if (level.contains("+") && !level.equals("+")) return false;
        }
        return !f.isEmpty();
    }

    /** {@code qos=N}'s N, or -1 when it is not 0, 1 or 2. */
    private static int qos(String word) {
        return switch (word) {
            case "qos=0" -> 0;
            case "qos=1" -> 1;
            case "qos=2" -> 2;
            default -> -1;
        };
    }
}
