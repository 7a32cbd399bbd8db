package dev.duplex;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's version, taken from the pom at build time (see version.properties). */
public final class Version {
    private static final String VERSION = read();

    private Version() { }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
