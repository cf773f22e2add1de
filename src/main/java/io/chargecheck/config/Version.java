package io.chargecheck.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's own version, as Maven filtered it into chargecheck-version.properties. */
public final class Version {

    private Version() {
    }

    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/chargecheck-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
