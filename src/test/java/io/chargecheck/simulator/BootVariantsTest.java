package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.centralsystem.SelfSignedCertificate;
import io.chargecheck.centralsystem.TlsSupport;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Registration answers other than Accepted, and the secured connections of security profiles 1 and 2. */
class BootVariantsTest {

    @TempDir
    Path temp;

    private Bench bench;

    @AfterEach
    void close() {
        bench.close();
    }

    @SideBySide
    void pendingOnlyAnswersTheCentralSystemAndBootsAgainAfterTheInterval() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1));
        AtomicReference<RegistrationStatus> answer = new AtomicReference<>(RegistrationStatus.Pending);
        bench.cs.responders().on(BootNotificationRequest.class,
                (id, boot) -> new BootNotificationResponse(answer.get(), Instant.now(), 1));
        ChargePointSimulator cp = bench.add(new ChargePointSimulator(bench.config("CP-P").build()));
        long mark = bench.mark();
        cp.start();
        assertThat(cp.registrationStatus()).contains(RegistrationStatus.Pending);

        assertThat(bench.call("CP-P", new GetConfigurationRequest(java.util.List.of("HeartbeatInterval"))).configurationKey())
                .as("answers while pending").hasSize(1);
        Bench.await().until(() -> bench.sent("CP-P", BootNotificationRequest.class, mark).size() >= 2);
        assertThat(bench.trail("CP-P", mark)).containsOnly("BootNotification");

        answer.set(RegistrationStatus.Accepted);
        bench.awaitSent("CP-P", StatusNotificationRequest.class, mark, status -> status.connectorId() == 2);
        assertThat(cp.registrationStatus()).contains(RegistrationStatus.Accepted);
    }

    @SideBySide
    void rejectedTriesAgainAfterTheInterval() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1).registrationStatus(RegistrationStatus.Rejected));
        ChargePointSimulator cp = bench.add(new ChargePointSimulator(bench.config("CP-R").build()));
        long mark = bench.mark();
        cp.start();

        Bench.await().until(() -> bench.sent("CP-R", BootNotificationRequest.class, mark).size() >= 2);
        assertThat(bench.trail("CP-R", mark)).containsOnly("BootNotification");
        assertThat(cp.registrationStatus()).contains(RegistrationStatus.Rejected);
    }

    @SideBySide
    void basicAuthWithTheRightPasswordConnectsAndTheWrongOneIsRefused() {
        bench = Bench.start(cs -> cs.securityProfile(SecurityProfile.BASIC).authorizationKey("s3cret"));
        ChargePointSimulator right = bench.boot(bench.config("CP-A").password("s3cret"));
        assertThat(right.isConnected()).isTrue();

        ChargePointSimulator wrong = bench.add(new ChargePointSimulator(bench.config("CP-B").password("guess").build()));
        long mark = bench.mark();
        wrong.start();

        assertThat(wrong.isConnected()).isFalse();
        assertThat(bench.cs.journal().since(mark)).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(JournalEntry.Kind.REFUSED);
            assertThat(entry.raw()).contains("CP-B").contains("password is wrong");
        });
    }

    @SideBySide
    void wssWithBasicAuthWhenTheStationTrustsTheCertificate() throws Exception {
        Path keystore = SelfSignedCertificate.generate(temp.resolve("cs.p12"), "changeit", List.of("localhost", "127.0.0.1"));
        bench = Bench.start(cs -> cs.securityProfile(SecurityProfile.TLS_BASIC).authorizationKey("s3cret")
                .sslContext(TlsSupport.serverContext(keystore, "changeit", null, null)));
        assertThat(bench.cs.url()).startsWith("wss://");
        SSLContext trusting = SimulatorMain.trusting(keystore, "changeit");

        ChargePointSimulator cp = bench.boot(bench.config("CP-TLS").password("s3cret").sslContext(trusting));

        assertThat(cp.isConnected()).isTrue();
        assertThat(bench.sent("CP-TLS", BootNotificationRequest.class, 0)).hasSize(1);
    }
}
