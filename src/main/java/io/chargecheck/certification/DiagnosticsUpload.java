package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsResponse;
import io.chargecheck.filetransfer.FileServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** Case 13: a diagnostics file for a time window, uploaded to the FTP server. */
public final class DiagnosticsUpload {

    private final Context context;

    public DiagnosticsUpload(Context context) {
        this.context = context;
    }

    public void requestLastHour() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FileLocations.chooseProtocol(context);
        context.platform().send(new GetDiagnosticsRequest(context.bench().files().uploadLocation(context.station().id())
                .toString(), 1, 10,
                now.minus(Duration.ofHours(1)), now));
    }

    public void assertFileNamed() {
        String fileName = context.platform().lastAnswer(GetDiagnosticsResponse.class).fileName();
        if (fileName == null || fileName.isBlank()) {
            throw new AssertionError("expected GetDiagnostics to be answered with the name of the file to be uploaded; "
                    + "the answer had no fileName, so the station has no diagnostics to upload", null);
        }
        context.scene().diagnosticsFileName = fileName;
    }

    /** Notifications may come before the answer, so everything after the command counts. */
    public void assertUploadingThenUploaded() {
        long since = context.scene().lastAction;
        Received<DiagnosticsStatusNotificationRequest> uploaded;
        try {
            uploaded = context.evidence().next(DiagnosticsStatusNotificationRequest.class)
                    .matching(DiagnosticsStatus.Uploaded.name(), d -> d.status() == DiagnosticsStatus.Uploaded)
                    .after(since).within(context.timeouts().firmware());
        } catch (AssertionError e) {
            throw new AssertionError("expected DiagnosticsStatusNotification Uploading, then Uploaded within "
                    + Describe.seconds(context.timeouts().firmware()) + "; received: " + received(since), null);
        }
        boolean uploadingFirst = context.evidence().messages(DiagnosticsStatusNotificationRequest.class, since).stream()
                .takeWhile(d -> d != uploaded.message())
                .anyMatch(d -> d.status() == DiagnosticsStatus.Uploading);
        if (!uploadingFirst) {
            throw new AssertionError("expected DiagnosticsStatusNotification Uploading before Uploaded; received: "
                    + received(since), null);
        }
    }

    public void assertFileOnServer() {
        String fileName = context.scene().diagnosticsFileName;
        String id = context.station().id();
        FileServer files = context.bench().files();
        byte[] content;
        try {
            content = Waits.await("diagnostics file " + fileName + " on the file server")
                    .atMost(context.timeouts().message())
                    .until(() -> files.uploaded(id, fileName).filter(bytes -> bytes.length > 0), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            List<String> names = files.uploadedFileNames(id);
            Optional<byte[]> empty = files.uploaded(id, fileName);
            throw new AssertionError("expected a non-empty file " + fileName + " on the file server; "
                    + (empty.isPresent() ? "it is there but empty" : "files received: " + (names.isEmpty() ? "none" : names)),
                    null);
        }
        context.observations().note("diagnostics " + fileName + " (" + content.length + " bytes) uploaded over "
                + files.protocolFor(id));
    }

    private String received(long since) {
        List<DiagnosticsStatusNotificationRequest> all = context.evidence().messages(DiagnosticsStatusNotificationRequest.class, since);
        return all.isEmpty() ? "no DiagnosticsStatusNotification at all"
                : all.stream().map(d -> d.status().name()).collect(Collectors.joining(", "));
    }
}
