package dev.duplex.protocol;

/** How a typed message is read: as text, as JSON (checked), or as bytes written in hex or base64. */
public enum MessageMode {
    TEXT, JSON, HEX, BASE64;

    /** The mode of that name, or TEXT for a name this version does not know (a newer file, a typo). */
    public static MessageMode named(String name) {
        for (MessageMode m : values()) {
            if (m.name().equals(name)) return m;
        }
        return TEXT;
    }
}
