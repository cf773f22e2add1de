package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Waits;
import io.chargecheck.filetransfer.FileServer;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Security.GetLogRequest;
import io.chargecheck.ocpp.message.Security.GetLogResponse;
import io.chargecheck.ocpp.message.Security.LogParameters;
import io.chargecheck.ocpp.message.Security.LogStatus;
import io.chargecheck.ocpp.message.Security.LogStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.LogType;
import io.chargecheck.ocpp.message.Security.UploadLogStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/** TC_079_CS: the station's security log, asked for with GetLog and uploaded to the suite's file server. */
public final class SecurityLog {

    private static final AtomicInteger REQUEST_IDS = new AtomicInteger(4_000);

    private final Context context;
    private GetLogResponse answer;
    private long before;
    private List<String> earlier = List.of();

    public SecurityLog(Context context) {
        this.context = context;
    }

    public void request() {
        String location = context.bench().files().uploadLocation(context.station().id()).toString();
        earlier = List.copyOf(context.bench().files().uploadedFileNames(context.station().id()));
        before = context.evidence().mark();
        answer = context.platform().send(new GetLogRequest(new LogParameters(location, null, null), LogType.SecurityLog,
                REQUEST_IDS.incrementAndGet(), 1, 10));
        if (answer.status() != LogStatus.Accepted) {
            throw new AssertionError("expected GetLog SecurityLog to be Accepted; it was " + answer.status(), null);
        }
    }

    /** LogStatusNotification Uploading, then Uploaded (notifications may come before the answer: everything after the command counts). */
    public void assertUploadingThenUploaded() {
        try {
            context.evidence().next(LogStatusNotificationRequest.class)
                    .matching("Uploaded", s -> s.status() == UploadLogStatus.Uploaded).after(before).within(context.timeouts().firmware());
        } catch (AssertionError e) {
            throw new AssertionError("expected LogStatusNotification Uploading, then Uploaded within "
                    + Describe.seconds(context.timeouts().firmware()) + "; received: " + received(), null);
        }
        List<UploadLogStatus> came = statuses();
        if (came.indexOf(UploadLogStatus.Uploading) < 0 || came.indexOf(UploadLogStatus.Uploading) > came.indexOf(UploadLogStatus.Uploaded)) {
            throw new AssertionError("expected LogStatusNotification Uploading before Uploaded; received: " + received(), null);
        }
    }

    /** The file is on the file server, not empty: the one GetLog named, or, without a name, one uploaded since. */
    public void assertFileOnServer() {
        FileServer files = context.bench().files();
        String id = context.station().id();
        String named = answer.filename();
        try {
            byte[] content = Waits.await("the security log on the file server").atMost(context.timeouts().message())
                    .until(() -> named != null ? files.uploaded(id, named).filter(b -> b.length > 0)
                            : files.uploadedFileNames(id).stream().filter(n -> !earlier.contains(n)).findFirst()
                                    .flatMap(n -> files.uploaded(id, n)), Optional::isPresent).orElseThrow();
            context.observations().note("security log " + (named == null ? "" : Untrusted.shown(named) + " ") + "(" + content.length
                    + " bytes) uploaded over " + files.protocolFor(id));
        } catch (ConditionTimeoutException e) {
            List<String> names = files.uploadedFileNames(id);
            throw new AssertionError("expected the security log " + (named == null ? "" : Untrusted.shown(named) + " ")
                    + "on the file server; files received: " + (names.isEmpty() ? "none"
                    : names.stream().map(Untrusted::shown).collect(Collectors.joining(", "))), null);
        }
    }

    private List<UploadLogStatus> statuses() {
        return context.evidence().messages(LogStatusNotificationRequest.class, before).stream()
                .map(LogStatusNotificationRequest::status).toList();
    }

    private String received() {
        List<UploadLogStatus> all = statuses();
        return all.isEmpty() ? "no LogStatusNotification at all" : all.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
