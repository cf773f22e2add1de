package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Statuses;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Security.Firmware;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatus;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignedUpdateFirmwareRequest;
import io.chargecheck.ocpp.message.Security.UpdateFirmwareStatus;
import io.chargecheck.security.FirmwareSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * TC_080_CS and TC_081_CS: a signed firmware update. On the simulator the run's manufacturer signs
 * a sample image; at a live charger the tester gives the manufacturer's image
 * ({@code chargecheck.firmwareFile}), its signature ({@code chargecheck.octt.firmwareSignature}, base64)
 * and signing certificate ({@code chargecheck.octt.signingCertificate}, a PEM file).
 */
public final class SignedFirmware {

    static final List<SignedFirmwareStatus> INSTALLED = List.of(SignedFirmwareStatus.Downloading,
            SignedFirmwareStatus.Downloaded, SignedFirmwareStatus.SignatureVerified, SignedFirmwareStatus.Installing,
            SignedFirmwareStatus.Installed);
    static final List<SignedFirmwareStatus> REFUSED = List.of(SignedFirmwareStatus.Downloading,
            SignedFirmwareStatus.Downloaded, SignedFirmwareStatus.InvalidSignature);
    private static final String SAMPLE_NAME = "chargecheck-signed-firmware-3.0.0.bin";
    private static final AtomicInteger REQUEST_IDS = new AtomicInteger(5_000);

    private final Context context;
    private URI location;
    private String signingCertificate;
    private String signature;
    private long before;

    public SignedFirmware(Context context) {
        this.context = context;
    }

    /** The image on the file server, with its signing certificate and signature; not applicable without Firmware Management. */
    public void serve() {
        String profiles = context.platform().readKey("SupportedFeatureProfiles").map(KeyValue::value).orElse("");
        if (!profiles.contains("FirmwareManagement")) {
            throw new TestAbortedException("not applicable: the secure firmware update is for a station with FirmwareManagement, "
                    + "and the station lists " + (profiles.isBlank() ? "no profiles" : profiles));
        }
        byte[] image;
        String name;
        if (context.station().driver().isSimulated()) {
            image = "ChargeCheck signed sample firmware 3.0.0\n".getBytes(StandardCharsets.US_ASCII);
            name = SAMPLE_NAME;
            FirmwareSigner manufacturer = context.bench().certificates().manufacturer();
            signingCertificate = manufacturer.signingCertificatePem();
            signature = manufacturer.sign(image);
        } else {
            Path file = context.settings().firmwareFile();
            String given = context.settings().octt().get("firmwareSignature");
            String certificate = context.settings().octt().get("signingCertificate");
            if (file == null || given == null || certificate == null) {
                throw new TestAbortedException("set chargecheck.firmwareFile, chargecheck.octt.firmwareSignature (base64) and "
                        + "chargecheck.octt.signingCertificate (a PEM file): the manufacturer's signed firmware");
            }
            try {
                image = Files.readAllBytes(file);
                signingCertificate = Files.readString(Path.of(certificate));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signed firmware's files: " + e.getMessage(), e);
            }
            name = file.getFileName().toString();
            signature = given.strip();
        }
        location = context.bench().files().serve(context.station().id(), name, image);
    }

    /** SignedUpdateFirmware, with the signature or (TC_081_CS) one that does not fit; Accepted. */
    public void requestUpdate(boolean rightSignature) {
        before = context.evidence().mark();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UpdateFirmwareStatus status = context.platform().send(new SignedUpdateFirmwareRequest(1, 10,
                REQUEST_IDS.incrementAndGet(), new Firmware(location.toString(), now, null, signingCertificate,
                rightSignature ? signature : wrong(signature)))).status();
        if (status != UpdateFirmwareStatus.Accepted) {
            throw new AssertionError("expected SignedUpdateFirmware to be Accepted; it was " + status, null);
        }
    }

    /** The signature with its bytes turned around: the right length and encoding, the wrong value. */
    private static String wrong(String signature) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            bytes = signature.getBytes(StandardCharsets.US_ASCII);
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** TC_080_CS: the statuses in order, the boot into the new firmware, every connector Available after it. */
    public void assertInstalledAndBootedInto() {
        awaitStatus(SignedFirmwareStatus.Installed, INSTALLED);
        assertSubsequence(INSTALLED);
        context.evidence().next(BootNotificationRequest.class).after(before).within(context.timeouts().message());
        new Statuses(context).awaitEveryConnector(ChargePointStatus.Available, before, context.timeouts().message());
        boolean event = context.evidence().messages(SecurityEventNotificationRequest.class, before).stream()
                .anyMatch(e -> e.type().equals("FirmwareUpdated"));
        context.observations().note(event ? "the station reported the security event FirmwareUpdated"
                : "no security event FirmwareUpdated (optional)");
    }

    /** TC_081_CS: InvalidSignature after Downloaded, and nothing installed. */
    public void assertRefused() {
        awaitStatus(SignedFirmwareStatus.InvalidSignature, REFUSED);
        assertSubsequence(REFUSED);
        context.evidence().next(SignedFirmwareStatusNotificationRequest.class)
                .matching("Installing or Installed", s -> s.status() == SignedFirmwareStatus.Installing
                        || s.status() == SignedFirmwareStatus.Installed)
                .after(before).none(context.timeouts().quiet());
    }

    private void awaitStatus(SignedFirmwareStatus last, List<SignedFirmwareStatus> expected) {
        try {
            context.evidence().next(SignedFirmwareStatusNotificationRequest.class)
                    .matching(last.name(), s -> s.status() == last).after(before).within(context.timeouts().firmware());
        } catch (AssertionError e) {
            throw new AssertionError("expected SignedFirmwareStatusNotification " + names(expected) + " within "
                    + Describe.seconds(context.timeouts().firmware()) + "; received: " + received(), null);
        }
    }

    private void assertSubsequence(List<SignedFirmwareStatus> expected) {
        List<SignedFirmwareStatus> came = statuses();
        int next = 0;
        for (SignedFirmwareStatus status : came) {
            if (next < expected.size() && status == expected.get(next)) {
                next++;
            }
        }
        if (next < expected.size()) {
            throw new AssertionError("expected SignedFirmwareStatusNotification " + names(expected) + " in that order; received: "
                    + received(), null);
        }
    }

    private List<SignedFirmwareStatus> statuses() {
        return context.evidence().messages(SignedFirmwareStatusNotificationRequest.class, before).stream()
                .map(SignedFirmwareStatusNotificationRequest::status).toList();
    }

    private String received() {
        List<SignedFirmwareStatus> all = statuses();
        return all.isEmpty() ? "no SignedFirmwareStatusNotification at all" : names(all);
    }

    private static String names(List<SignedFirmwareStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
