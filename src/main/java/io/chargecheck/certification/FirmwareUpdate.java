package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.filetransfer.Transfer;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Case 12: firmware from the file server, its status notifications, and the reboot. A station's
 * word that it downloaded is not taken: the file server must have seen every byte of the file go
 * to that station between the UpdateFirmware and the Downloaded status.
 */
public final class FirmwareUpdate {

    static final List<FirmwareStatus> EXPECTED = List.of(FirmwareStatus.Downloading, FirmwareStatus.Downloaded,
            FirmwareStatus.Installing, FirmwareStatus.Installed);
    /** Served when no manufacturer file is configured: the simulator installs whatever it gets. */
    static final String SAMPLE_NAME = "chargecheck-firmware-2.0.0.bin";
    /** The file server and the journal share a clock, but the server notes the end a moment after it sends it. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(1);

    private final Context context;
    private URI location;
    private String fileName;
    private long fileSize;
    private String firmwareBefore;
    private Instant requested;

    public FirmwareUpdate(Context context) {
        this.context = context;
    }

    public void serveFirmwareFile() {
        Path file = context.settings().firmwareFile();
        byte[] content;
        try {
            content = file == null ? "ChargeCheck sample firmware 2.0.0\n".getBytes(StandardCharsets.US_ASCII)
                    : Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the firmware file (setting chargecheck.firmwareFile) " + file, e);
        }
        serve(file == null ? SAMPLE_NAME : file.getFileName().toString(), content);
    }

    /** Serves this file to the station, over the protocol the run chose for it, as the firmware of the update. */
    public void serve(String name, byte[] content) {
        FileLocations.chooseProtocol(context);
        fileName = name;
        fileSize = content.length;
        location = context.bench().files().serve(context.station().id(), fileName, content);
    }

    public void requestUpdate() {
        firmwareBefore = new BootCheck(context).firstBoot().firmwareVersion();
        requested = Instant.now();
        context.platform().send(new UpdateFirmwareRequest(location.toString(), 1, Instant.now(), 10));
    }

    /** Waits for Installed, checks that the four statuses came in the order OCPP gives them, and that the file was fetched. */
    public void assertStatusesInOrder() {
        long since = context.scene().lastAction;
        try {
            context.evidence().next(FirmwareStatusNotificationRequest.class)
                    .matching(FirmwareStatus.Installed.name(), f -> f.status() == FirmwareStatus.Installed)
                    .after(since).within(context.timeouts().firmware());
        } catch (AssertionError e) {
            throw new AssertionError("expected FirmwareStatusNotification " + names(EXPECTED) + " within "
                    + Describe.seconds(context.timeouts().firmware()) + "; received: " + received(since), null);
        }
        List<Received<FirmwareStatusNotificationRequest>> statuses =
                context.evidence().received(FirmwareStatusNotificationRequest.class, since);
        List<FirmwareStatus> came = statuses.stream().map(r -> r.message().status()).filter(EXPECTED::contains).toList();
        if (!isSubsequence(EXPECTED, came)) {
            throw new AssertionError("expected FirmwareStatusNotification " + names(EXPECTED) + " in that order; received: "
                    + received(since), null);
        }
        Instant downloaded = statuses.stream().filter(r -> r.message().status() == FirmwareStatus.Downloaded)
                .map(r -> r.entry().time()).findFirst().orElseThrow();
        assertFetchedWhole(downloaded);
    }

    /** The file server saw the whole served file go to the station after the UpdateFirmware and before it reported Downloaded. */
    public void assertFetchedWhole(Instant downloaded) {
        List<Transfer> fetches = context.bench().files().transfers(context.station().id()).stream()
                .filter(t -> t.direction() == Transfer.Direction.DOWNLOAD && t.fileName().equals(fileName)
                        && !t.started().isBefore(requested.minus(CLOCK_SLACK)))
                .toList();
        boolean wholeInTime = fetches.stream().anyMatch(t -> t.deliveredWholeFile() && t.ended() != null
                && !t.ended().isAfter(downloaded.plus(CLOCK_SLACK)));
        if (wholeInTime) {
            Transfer fetch = fetches.stream().filter(Transfer::deliveredWholeFile).findFirst().orElseThrow();
            context.observations().note("firmware file fetched whole (" + fetch.bytes() + " bytes over " + fetch.protocol() + ")");
            return;
        }
        String shown = FileLocations.shown(location);
        if (fetches.isEmpty()) {
            throw new AssertionError("expected the station to fetch " + shown + " between the UpdateFirmware and its "
                    + "Downloaded status; it reported Downloaded but never fetched it", null);
        }
        String seen = fetches.stream().map(t -> t.bytes() + " of " + fileSize + " bytes, " + t.status().name().toLowerCase()
                + (t.detail().isEmpty() ? "" : " (" + t.detail() + ")")).collect(Collectors.joining("; "));
        throw new AssertionError("expected the station to fetch all " + fileSize + " bytes of " + shown + " before it reported "
                + "Downloaded at " + Describe.time(downloaded) + "; the file server saw: " + seen, null);
    }

    /** The reboot may come before Installed (install during boot) or after: any BootNotification after the download. */
    public void assertRebooted() {
        Received<BootNotificationRequest> boot = context.evidence().next(BootNotificationRequest.class)
                .after(context.scene().lastAction).within(context.timeouts().reboot());
        context.station().awaitBoot(context.timeouts().reboot());
        String after = boot.message().firmwareVersion();
        context.observations().note("firmware " + firmwareBefore + " to " + after
                + (after != null && after.equals(firmwareBefore) ? " (the same version booted after the update)" : ""));
    }

    private String received(long since) {
        List<Received<FirmwareStatusNotificationRequest>> all = context.evidence().received(FirmwareStatusNotificationRequest.class, since);
        return all.isEmpty() ? "no FirmwareStatusNotification at all" : all.stream()
                .map(r -> r.message().status() + " at " + Describe.time(r.entry().time())).collect(Collectors.joining(", "));
    }

    private static String names(List<FirmwareStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    static <T> boolean isSubsequence(List<T> wanted, List<T> seen) {
        int next = 0;
        for (T item : seen) {
            if (next < wanted.size() && item.equals(wanted.get(next))) {
                next++;
            }
        }
        return next == wanted.size();
    }
}
