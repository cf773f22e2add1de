package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.DiagnosticsUpload;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.filetransfer.Transfer;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TC_045_1_CS and TC_045_2_CS: diagnostics uploaded to the suite's file server as the vendor
 * script's case 13 does it ({@link DiagnosticsUpload}), and an upload that cannot succeed.
 */
public final class DiagnosticsCases {

    /** The OCA's own location for an upload that must fail: an FTP server on the charger itself, where there is none. */
    static final String FAILED_LOCATION = "ftp://127.0.0.1:21/files/failedLocation";

    private final Context context;
    private final DiagnosticsUpload upload;

    public DiagnosticsCases(Context context, DiagnosticsUpload upload) {
        this.context = context;
        this.upload = upload;
    }

    /** GetDiagnostics without retries for the OCA's location where no upload can succeed. */
    public void requestUploadToNowhere() {
        context.platform().send(new GetDiagnosticsRequest(FAILED_LOCATION, 0, null, null, null));
    }

    /** Uploading, then UploadFailed, and no word of an upload that worked. */
    public void assertUploadFailed() {
        long since = context.scene().lastAction;
        Received<DiagnosticsStatusNotificationRequest> outcome;
        try {
            outcome = context.evidence().next(DiagnosticsStatusNotificationRequest.class)
                    .matching(DiagnosticsStatus.UploadFailed.name(), d -> d.status() == DiagnosticsStatus.UploadFailed
                            || d.status() == DiagnosticsStatus.Uploaded)
                    .after(since).within(context.timeouts().firmware());
        } catch (AssertionError e) {
            throw new AssertionError("expected DiagnosticsStatusNotification Uploading, then UploadFailed within "
                    + Describe.seconds(context.timeouts().firmware()) + "; the station reported " + statuses(since), null);
        }
        boolean uploadingFirst = context.evidence().received(DiagnosticsStatusNotificationRequest.class, since).stream()
                .takeWhile(d -> d.entry().seq() < outcome.entry().seq())
                .anyMatch(d -> d.message().status() == DiagnosticsStatus.Uploading);
        if (outcome.message().status() != DiagnosticsStatus.UploadFailed || !uploadingFirst) {
            throw new AssertionError("expected DiagnosticsStatusNotification Uploading, then UploadFailed for " + FAILED_LOCATION
                    + ", where no upload can succeed; the station reported " + statuses(since), null);
        }
    }

    /**
     * The file the station named in its answer is on the file server, non-empty; one that named
     * none (OCPP lets it leave the name out) is judged by the upload it made after the request.
     */
    public void assertFileArrived() {
        String named = context.platform().lastAnswer(GetDiagnosticsResponse.class).fileName();
        String fileName = named != null && !named.isBlank() ? named : uploadedSince(requestTime());
        if (fileName == null) {
            throw new AssertionError("expected a diagnostics file on the file server; the station named no file in its "
                    + "answer to GetDiagnostics and the file server received none", null);
        }
        context.scene().diagnosticsFileName = fileName;
        upload.assertFileOnServer();
    }

    private Instant requestTime() {
        return context.evidence().entries(context.scene().lastAction).stream().findFirst().map(JournalEntry::time)
                .orElse(Instant.EPOCH);
    }

    private String uploadedSince(Instant requested) {
        return context.bench().files().transfers(context.station().id()).stream()
                .filter(t -> t.direction() == Transfer.Direction.UPLOAD && t.complete() && !t.started().isBefore(requested))
                .map(Transfer::fileName).reduce((first, last) -> last).orElse(null);
    }

    private String statuses(long since) {
        List<Received<DiagnosticsStatusNotificationRequest>> all = context.evidence()
                .received(DiagnosticsStatusNotificationRequest.class, since);
        return all.isEmpty() ? "no DiagnosticsStatusNotification at all" : all.stream()
                .map(r -> r.message().status() + " at " + Describe.time(r.entry().time())).collect(Collectors.joining(", "));
    }
}
