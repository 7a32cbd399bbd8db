package dev.duplex.net.server;

/**
 * What the echo server answers to a text message: the template with every {@code {message}} replaced
 * by the message. The default, {@code {message}} alone, is an exact echo. Binary messages are always
 * echoed byte for byte: a text template has no meaningful way to wrap raw bytes.
 */
public record ReplyTemplate(String template) {

    public static final String PLACEHOLDER = "{message}";
    /** Exact echo. */
    public static final ReplyTemplate ECHO = new ReplyTemplate(PLACEHOLDER);
    /** What the seed's Go server answers: "I have received the message. Received:" in Chinese. */
    public static final ReplyTemplate SEED = new ReplyTemplate("我已经收到消息 Received:" + PLACEHOLDER);

    public ReplyTemplate {
        template = template == null || template.isEmpty() ? PLACEHOLDER : template;
    }

    public boolean isEcho() {
        return PLACEHOLDER.equals(template);
    }

    /** The reply to one text message. Replacement is literal: no regex, no escaping surprises. */
    public String reply(String message) {
        // The exact echo is the message itself: no copy of it per message.
        return isEcho() ? message : template.replace(PLACEHOLDER, message);
    }
}
