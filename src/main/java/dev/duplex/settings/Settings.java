package dev.duplex.settings;

/**
 * What Duplex remembers between runs. Every field has a sane default, so a missing or bad value
 * never stops the app: it falls back to the default for that field alone.
 */
public record Settings(
        String lastUrl,
        int port,
        String bindAddress,
        String path,
        String replyTemplate,
        boolean sendOrigin,
        String origin,
        int logCap,
        String language,
        double windowWidth,
        double windowHeight,
        ThemeChoice theme) {

    public static final int DEFAULT_LOG_CAP = 10_000;
    public static final int MIN_LOG_CAP = 100;
    public static final int MAX_LOG_CAP = 1_000_000;

    /** A missing theme follows the system. */
    public Settings {
        if (theme == null) theme = ThemeChoice.SYSTEM;
    }

    /** Settings that follow the system's theme: what a file written before themes holds. */
    public Settings(String lastUrl, int port, String bindAddress, String path, String replyTemplate, boolean sendOrigin,
            String origin, int logCap, String language, double windowWidth, double windowHeight) {
        this(lastUrl, port, bindAddress, path, replyTemplate, sendOrigin, origin, logCap, language, windowWidth,
                windowHeight, ThemeChoice.SYSTEM);
    }

    /** The same settings with another theme. */
    public Settings withTheme(ThemeChoice chosen) {
        return new Settings(lastUrl, port, bindAddress, path, replyTemplate, sendOrigin, origin, logCap, language,
                windowWidth, windowHeight, chosen);
    }

    public static Settings defaults() {
        return new Settings("ws://127.0.0.1:8080/", 8080, "127.0.0.1", "", "{message}", true, "",
                DEFAULT_LOG_CAP, "", 1200, 760);
    }
}
