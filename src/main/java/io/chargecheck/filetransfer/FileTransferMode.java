package io.chargecheck.filetransfer;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The setting {@code chargecheck.fileTransfer}: which protocol the suite's file server gives the
 * stations. {@link #AUTO} serves all of them and lets each station's SupportedFileTransferProtocols
 * decide ({@link FileServer#choose}).
 */
public enum FileTransferMode {
    FTP, HTTP, HTTPS, AUTO;

    /**
     * The order {@link #AUTO} prefers, of what a station supports: FTP first because OCPP recommends
     * it and it is what the suite always did; plain HTTP before HTTPS because a charger that checks
     * certificates will not trust the suite's self-signed session certificate, which would fail the
     * firmware case for a reason that is not the station's.
     */
    static final List<Protocol> AUTO_PREFERENCE = List.of(Protocol.FTP, Protocol.HTTP, Protocol.HTTPS);

    /** Reads the setting's text: {@code ftp}, {@code http}, {@code https} or {@code auto}, any case; blank is ftp. */
    public static FileTransferMode parse(String text) {
        if (text == null || text.isBlank()) {
            return FTP;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file transfer '" + text.strip() + "' is not one of ftp, http, https, auto");
        }
    }

    /** The protocols a server in this mode runs. */
    Set<Protocol> served() {
        return switch (this) {
            case FTP -> EnumSet.of(Protocol.FTP);
            case HTTP -> EnumSet.of(Protocol.HTTP);
            case HTTPS -> EnumSet.of(Protocol.HTTPS);
            case AUTO -> EnumSet.of(Protocol.FTP, Protocol.HTTP, Protocol.HTTPS);
        };
    }

    /** The protocol a station gets before anyone chose for it; empty in {@link #AUTO}. */
    Optional<Protocol> fixed() {
        return switch (this) {
            case FTP -> Optional.of(Protocol.FTP);
            case HTTP -> Optional.of(Protocol.HTTP);
            case HTTPS -> Optional.of(Protocol.HTTPS);
            case AUTO -> Optional.empty();
        };
    }
}
