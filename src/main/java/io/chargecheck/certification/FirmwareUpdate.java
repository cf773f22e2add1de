package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Case 12: firmware from the FTP server, its status notifications, and the reboot. */
public final class FirmwareUpdate {

    static final List<FirmwareStatus> EXPECTED = List.of(FirmwareStatus.Downloading, FirmwareStatus.Downloaded,
            FirmwareStatus.Installing, FirmwareStatus.Installed);
    /** Served when no manufacturer file is configured: the simulator installs whatever it gets. */
    static final String SAMPLE_NAME = "chargecheck-firmware-2.0.0.bin";

    private final Context context;
    private URI location;
    private String firmwareBefore;

    public FirmwareUpdate(Context context) {
        this.context = context;
    }

    public void serveFirmwareFile() {
        Path file = context.settings().firmwareFile();
        try {
            byte[] content = file == null ? ("ChargeCheck sample firmware 2.0.0\n").getBytes(StandardCharsets.US_ASCII)
                    : Files.readAllBytes(file);
            location = context.bench().ftp().serve(file == null ? SAMPLE_NAME : file.getFileName().toString(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the firmware file (setting chargecheck.firmwareFile) " + file, e);
        }
    }

    public void requestUpdate() {
        firmwareBefore = new BootCheck(context).lastBoot().firmwareVersion();
        context.platform().send(new UpdateFirmwareRequest(location.toString(), 1, Instant.now(), 10));
    }

    /** Waits for Installed, then checks that the four statuses came in the order OCPP gives them. */
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
        List<FirmwareStatus> came = context.evidence().messages(FirmwareStatusNotificationRequest.class, since).stream()
                .map(FirmwareStatusNotificationRequest::status).filter(EXPECTED::contains).toList();
        if (!isSubsequence(EXPECTED, came)) {
            throw new AssertionError("expected FirmwareStatusNotification " + names(EXPECTED) + " in that order; received: "
                    + received(since), null);
        }
    }

    /** The reboot may come before Installed (install during boot) or after: any BootNotification after the download. */
    public void assertRebooted() {
        Received<BootNotificationRequest> boot = context.evidence().next(BootNotificationRequest.class)
                .after(context.scene().lastAction).within(context.timeouts().reboot());
        context.station().awaitBoot(context.timeouts().reboot());
        String after = boot.message().firmwareVersion();
        context.observations().note("firmware " + firmwareBefore + " to " + after);
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
