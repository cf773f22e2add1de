package io.chargecheck.certification;

import io.chargecheck.filetransfer.FileServer;
import io.chargecheck.filetransfer.Protocol;
import io.chargecheck.ocpp.message.Core.KeyValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a station is given its file locations: over the protocol the run chose, or, with auto, one it supports. */
final class FileLocations {

    private FileLocations() {
    }

    /**
     * With {@code chargecheck.fileTransfer=auto}, picks for this station a protocol of its
     * SupportedFileTransferProtocols; otherwise the run's protocol stays.
     */
    static void chooseProtocol(Context context) {
        if (!context.settings().fileTransfer().equalsIgnoreCase("auto")) {
            return;
        }
        FileServer files = context.bench().files();
        String id = context.station().id();
        Optional<KeyValue> supported = context.platform().readKey("SupportedFileTransferProtocols");
        List<String> protocols = supported.map(KeyValue::value).map(v -> Arrays.stream(v.split(",")).map(String::strip).toList())
                .orElse(List.of());
        Optional<Protocol> chosen = files.choose(id, protocols);
        context.observations().note(chosen.map(p -> "files over " + p + " (of SupportedFileTransferProtocols " + protocols + ")")
                .orElse("no protocol of SupportedFileTransferProtocols " + protocols + " is served; files over "
                        + files.protocolFor(id)));
    }

    /** A location as a message may show it: without the FTP password. */
    static String shown(URI location) {
        if (location.getUserInfo() == null) {
            return location.toString();
        }
        try {
            return new URI(location.getScheme(), null, location.getHost(), location.getPort(), location.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return location.getScheme() + "://" + location.getHost() + location.getPath();
        }
    }
}
