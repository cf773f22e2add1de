package io.chargecheck.filetransfer;

import java.util.Locale;
import java.util.Optional;

/**
 * The file transfer protocols OCPP 1.6 names in SupportedFileTransferProtocols. The suite's
 * {@link FileServer} serves {@link #FTP}, {@link #HTTP} and {@link #HTTPS}; the simulator's
 * {@link FileTransferClient} speaks all four.
 */
public enum Protocol {
    FTP, FTPS, HTTP, HTTPS;

    /** The URL scheme, as it goes into a location: {@code ftp}, {@code https}, ... */
    public String scheme() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The protocol a station's configuration or a URL scheme names, whatever its case and spacing. */
    public static Optional<Protocol> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (Protocol protocol : values()) {
            if (protocol.name().equals(wanted)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}
