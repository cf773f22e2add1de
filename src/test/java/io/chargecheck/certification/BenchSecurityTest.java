package io.chargecheck.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.config.Settings;
import io.chargecheck.config.SettingsException;
import io.chargecheck.security.Certificates;
import io.chargecheck.security.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's part in the security extension: a port per profile, the run's certificates and password. */
class BenchSecurityTest {

    @TempDir
    Path reports;

    private static Settings settings(Map<String, String> overrides) {
        AtomicReference<Settings> loaded = new AtomicReference<>();
        Settings.withOverrides(overrides, () -> loaded.set(Settings.load()));
        return loaded.get();
    }

    @Test
    void onTheSimulatorItListensForEveryProfileWithTheRunsCertificates() throws Exception {
        try (Bench bench = Bench.start(settings(Map.of()), reports, Console.system())) {
            assertThat(bench.centralSystem().securityProfiles()).containsExactlyInAnyOrder(SecurityProfile.values());
            assertThat(bench.centralSystem().url()).startsWith("ws://");
            assertThat(bench.centralSystem().urlFor(SecurityProfile.MUTUAL_TLS).orElseThrow()).startsWith("wss://");
            Bench.Certificates certificates = bench.certificates();
            assertThat(certificates.authorizationKey()).hasSize(20);
            assertThat(Certificates.rootProblem(certificates.testRoot(), Instant.now())).isEmpty();
            assertThat(Certificates.chainProblem(List.of(certificates.manufacturer().signingCertificate()),
                    List.of(certificates.manufacturer().manufacturerRoot()), Instant.now())).isEmpty();
            assertThat(Pem.certificates(Files.readString(reports.resolve(Bench.ROOT_FILE))))
                    .containsExactly(certificates.authority().root());
        }
    }

    @Test
    void theConfiguredPasswordIsTheRunsAndALiveBasicAuthRunNeedsOne() {
        try (Bench bench = Bench.start(settings(Map.of("password", "configured-password")), reports, Console.system())) {
            assertThat(bench.certificates().authorizationKey()).isEqualTo("configured-password");
        }
        assertThatThrownBy(() -> Bench.start(settings(Map.of("station", "live", "securityProfile", "1", "port", "0")), reports,
                Console.system())).isInstanceOf(SettingsException.class).hasMessageContaining("chargecheck.password");
    }
}
