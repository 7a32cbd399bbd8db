package dev.duplex.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dev.duplex.protocol.CloseCodes;

/**
 * Short plain-language explanations of the protocol, drawn from RFC 6455, in the user's language: close
 * codes, opcodes, frame bits, handshake headers. For tooltips and the handshake explainer. Every lookup
 * gives the empty string when there is nothing to say, never null.
 */
public final class Help {
    /** The bundle's base name: dev/duplex/i18n/help[_en|_zh_CN].properties. */
    public static final String BUNDLE = "dev.duplex.i18n.help";

    private final ResourceBundle bundle;

    private Help(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Help of(Locale locale) {
        // As Texts: help_en.properties (empty) makes English resolve before the JVM's default locale is
        // tried (named modules may not use a ResourceBundle.Control to say so).
        return new Help(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    /** The text of {@code key}, or "" when the bundle has none. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "";
        }
    }

    /** What a close code means: its own text for 1000-1015, else its range's (never empty). */
    public String closeCode(int code) {
        return get("help." + CloseCodes.key(code));
    }

    /** What an opcode (0x0-0xF) means; the reserved text for the undefined ones; "" outside 0-15. */
    public String opcode(int opcode) {
        if (opcode < 0 || opcode > 0xF) return "";
        return switch (opcode) {
            case 0x0, 0x1, 0x2, 0x8, 0x9, 0xA -> get(opcodeKey(opcode));
            default -> get("help.opcode.reserved");
        };
    }

    /** The key of a defined opcode: help.opcode.0x1, help.opcode.0xA (uppercase digit, as RFC 6455 writes it). */
    static String opcodeKey(int opcode) {
        return "help.opcode.0x" + Integer.toHexString(opcode).toUpperCase(Locale.ROOT);
    }

    /** A frame header bit: "fin", "rsv" (also "rsv1" to "rsv3"), "mask"; "" for others. */
    public String bit(String name) {
        if (name == null) return "";
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.matches("rsv[123]")) n = "rsv";
        return n.isEmpty() ? "" : get("help.bit." + n);
    }

    /** A handshake header by name, in any case ("sec-websocket-key", "Sec-WebSocket-Key"); "" when unknown. */
    public String header(String name) {
        if (name == null) return "";
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.isEmpty() ? "" : get("help.header." + n);
    }

    /** An HTTP status of the handshake response: 101 has a text, others "". */
    public String status(int status) {
        return get("help.status." + status);
    }
}
