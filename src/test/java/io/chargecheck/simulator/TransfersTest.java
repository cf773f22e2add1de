package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Firmware download and diagnostics upload over a real FTP server. */
class TransfersTest {

    private static final String CP = "CP-FTP";
    private static final byte[] FIRMWARE = "new firmware image".getBytes(StandardCharsets.UTF_8);

    private Bench bench;
    private ChargePointSimulator cp;

    @BeforeEach
    void boot() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP));
    }

    @AfterEach
    void close() {
        bench.close();
    }

    @SideBySide
    void firmwareIsDownloadedInstalledAndBootedInto() {
        URI location = bench.ftp().serve("cc-sim-2.0.1.bin", FIRMWARE);
        long mark = bench.mark();

        bench.call(CP, new UpdateFirmwareRequest(location.toString(), null, Instant.now(), null));

        BootNotificationRequest boot = bench.awaitSent(CP, BootNotificationRequest.class, mark);
        assertThat(bench.firmwareStatuses(CP, mark)).containsExactly(FirmwareStatus.Downloading, FirmwareStatus.Downloaded,
                FirmwareStatus.Installing, FirmwareStatus.Installed);
        assertThat(boot.firmwareVersion()).isEqualTo("cc-sim-2.0.1");
        assertThat(bench.trail(CP, mark)).startsWith("FirmwareStatusNotification", "FirmwareStatusNotification",
                "FirmwareStatusNotification", "FirmwareStatusNotification", "BootNotification");
        Bench.await().until(() -> cp.firmwareVersion().equals("cc-sim-2.0.1"));
    }

    @SideBySide
    void theRebootWaitsForTheRunningTransaction() {
        URI location = bench.ftp().serve("cc-sim-2.0.2.bin", FIRMWARE);
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        long mark = bench.mark();

        bench.call(CP, new UpdateFirmwareRequest(location.toString(), null, Instant.now(), null));
        Bench.await().until(() -> bench.firmwareStatuses(CP, mark).contains(FirmwareStatus.Installed));
        bench.barrier(CP);
        assertThat(bench.sent(CP, BootNotificationRequest.class, mark)).isEmpty();

        cp.unplug(1);

        assertThat(bench.awaitSent(CP, BootNotificationRequest.class, mark).firmwareVersion()).isEqualTo("cc-sim-2.0.2");
    }

    @SideBySide
    void aFileThatIsNotThereIsDownloadFailed() {
        URI missing = URI.create("ftp://chargecheck:chargecheck@127.0.0.1:" + bench.ftp().port() + "/firmware/none.bin");
        long mark = bench.mark();

        bench.call(CP, new UpdateFirmwareRequest(missing.toString(), null, Instant.now(), null));

        Bench.await().until(() -> bench.firmwareStatuses(CP, mark).size() == 2);
        assertThat(bench.firmwareStatuses(CP, mark)).containsExactly(FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed);
        assertThat(cp.firmwareVersion()).isEqualTo("1.0.0");
    }

    @SideBySide
    void diagnosticsOfTheRequestedWindowAreUploadedUnderTheAnsweredName() {
        long mark = bench.mark();

        String fileName = bench.call(CP, new GetDiagnosticsRequest(bench.ftp().uploadLocation().toString(), null, null,
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600))).fileName();

        assertThat(fileName).startsWith("diagnostics-CP-FTP-").endsWith(".log");
        Bench.await().until(() -> bench.diagnosticsStatuses(CP, mark).size() == 2);
        assertThat(bench.diagnosticsStatuses(CP, mark)).containsExactly(DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded);
        String content = new String(bench.ftp().uploaded(fileName).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(content).contains("station CP-FTP").contains("BootNotification").contains("GetDiagnostics");

        String empty = bench.call(CP, new GetDiagnosticsRequest(bench.ftp().uploadLocation().toString(), null, null,
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600))).fileName();
        Bench.await().until(() -> bench.ftp().uploaded(empty).isPresent());
        assertThat(new String(bench.ftp().uploaded(empty).orElseThrow(), StandardCharsets.UTF_8))
                .as("a window before the station's time: the header only").contains("0 log line(s)");
    }

    @SideBySide
    void anUnreachableLocationIsUploadFailed() {
        long mark = bench.mark();

        bench.call(CP, new GetDiagnosticsRequest("ftp://127.0.0.1:1/diagnostics/", 1, 0, null, null));

        Bench.await().until(() -> bench.diagnosticsStatuses(CP, mark).size() == 2);
        assertThat(bench.diagnosticsStatuses(CP, mark)).containsExactly(DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed);
    }

    /** TC_044_2: after its retries the download is DownloadFailed, the firmware unchanged. */
    @SideBySide
    void aDownloadThatKeepsFailingIsDownloadFailedAfterTheRetries() {
        long mark = bench.mark();
        bench.call(CP, new UpdateFirmwareRequest("ftp://127.0.0.1:1/firmware/cc-sim-4.bin", 2, Instant.now(), 0));
        Bench.await().until(() -> bench.firmwareStatuses(CP, mark).size() == 2);
        assertThat(bench.firmwareStatuses(CP, mark)).containsExactly(FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed);
        assertThat(cp.firmwareVersion()).isEqualTo("1.0.0");
    }

    /** TC_044_3: a file with the invalid-firmware marker is downloaded, then fails to install; no reboot. */
    @SideBySide
    void aFirmwareFileTheStationCannotUseFailsToInstall() {
        URI location = bench.ftp().serve("cc-sim-5.bin",
                ("image for another model " + Firmware.INVALID_MARKER).getBytes(StandardCharsets.UTF_8));
        long mark = bench.mark();
        bench.call(CP, new UpdateFirmwareRequest(location.toString(), null, Instant.now(), null));
        Bench.await().until(() -> bench.firmwareStatuses(CP, mark).contains(FirmwareStatus.InstallationFailed));
        bench.barrier(CP);
        assertThat(bench.firmwareStatuses(CP, mark)).containsExactly(FirmwareStatus.Downloading, FirmwareStatus.Downloaded,
                FirmwareStatus.Installing, FirmwareStatus.InstallationFailed);
        assertThat(bench.sent(CP, BootNotificationRequest.class, mark)).isEmpty();
        assertThat(cp.firmwareVersion()).isEqualTo("1.0.0");
    }
}
