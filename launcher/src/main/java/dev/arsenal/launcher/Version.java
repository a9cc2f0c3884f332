package dev.arsenal.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Arsenal's version, written into the launcher jar by the build. */
final class Version {
    private Version() {}

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
