package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * SupportedFeatureProfiles as a setting, and the local list's versions (OCTT 1.6 sections 2.17,
 * 2.20's "not supported" cases, TC_019).
 */
class ProfilesAndListsTest {

    private static final String CP = "CP-PROF";
    private static final IdTagInfo OK = new IdTagInfo(AuthorizationStatus.Accepted);

    private Bench bench;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    /** TC_043_1, TC_042_1, TC_048_4, TC_050_4: the commands of a profile the station lacks, and its keys. */
    @SideBySide
    void aStationWithoutReservationLocalListAndTrigger() {
        bench = Bench.start();
        bench.boot(bench.config(CP).supportedProfiles(EnumSet.of(Profile.Core, Profile.FirmwareManagement)));

        List<KeyValue> keys = bench.call(CP, new GetConfigurationRequest(null)).configurationKey();
        assertThat(keys).filteredOn(kv -> kv.key().equals("SupportedFeatureProfiles")).extracting(KeyValue::value)
                .containsExactly("Core,FirmwareManagement");
        assertThat(keys).extracting(KeyValue::key).doesNotContain("LocalAuthListEnabled", "LocalAuthListMaxLength",
                "SendLocalListMaxLength", "ReserveConnectorZeroSupported", "ChargeProfileMaxStackLevel",
                "ChargingScheduleAllowedChargingRateUnit", "ChargingScheduleMaxPeriods", "MaxChargingProfilesInstalled");

        assertThat(bench.call(CP, new ReserveNowRequest(1, Instant.now().plusSeconds(60), "GOOD-1", null, 1)).status())
                .isEqualTo(ReservationStatus.Rejected);
        assertThat(bench.call(CP, new SendLocalListRequest(1, List.of(), UpdateType.Full)).status())
                .isEqualTo(UpdateStatus.NotSupported);
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).isEqualTo(-1);
        notSupported(() -> bench.call(CP, new CancelReservationRequest(1)));
        notSupported(() -> bench.call(CP, new TriggerMessageRequest(MessageTrigger.Heartbeat, null)));
        notSupported(() -> bench.call(CP, new ClearChargingProfileRequest(null, null, null, null)));
    }

    private static void notSupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallFailure.class, failure ->
                assertThat(failure.callError().orElseThrow().code()).isEqualTo(ErrorCode.NotSupported));
    }

    @SideBySide
    void everyStationHasCoreAndMayHaveSmartCharging() {
        SimulatorConfig.Builder config = SimulatorConfig.builder().centralSystemUrl("ws://127.0.0.1:1/ocpp");
        assertThatThrownBy(() -> config.supportedProfiles(Set.of(Profile.Reservation)).build())
                .hasMessageContaining("Core");
        assertThat(config.supportedProfiles(Set.of(Profile.Core, Profile.SmartCharging)).build().supports(Profile.SmartCharging))
                .isTrue();
        assertThat(SimulatorConfig.builder().centralSystemUrl("ws://127.0.0.1:1/ocpp").build().supportedProfiles())
                .as("by default").contains(Profile.SmartCharging);
    }

    /** TC_042_1, TC_042_2, TC_043, TC_043_2, TC_043_3: versions, full and differential updates, mismatch, a storage failure. */
    @SideBySide
    void theLocalListsVersions() {
        bench = Bench.start();
        ChargePointSimulator cp = bench.boot(bench.config(CP));
        assertThat(version()).as("empty").isZero();
        assertThat(send(1, UpdateType.Full, List.of())).isEqualTo(UpdateStatus.Accepted);
        assertThat(version()).as("empty, whatever version emptied it").isZero();

        assertThat(send(2, UpdateType.Full, List.of(new AuthorizationData("A", OK)))).isEqualTo(UpdateStatus.Accepted);
        assertThat(version()).isEqualTo(2);
        assertThat(send(5, UpdateType.Differential, List.of(new AuthorizationData("B", OK)))).isEqualTo(UpdateStatus.Accepted);
        assertThat(version()).isEqualTo(5);
        assertThat(send(4, UpdateType.Differential, List.of(new AuthorizationData("C", OK))))
                .isEqualTo(UpdateStatus.VersionMismatch);
        assertThat(version()).isEqualTo(5);

        cp.failLocalListStorage();
        assertThat(send(6, UpdateType.Full, List.of(new AuthorizationData("D", OK)))).isEqualTo(UpdateStatus.Failed);
        assertThat(version()).isEqualTo(5);
        assertThat(send(6, UpdateType.Full, List.of(new AuthorizationData("D", OK)))).as("only the next one fails")
                .isEqualTo(UpdateStatus.Accepted);

        bench.call(CP, new ChangeConfigurationRequest("LocalAuthListEnabled", "false"));
        assertThat(version()).as("disabled").isEqualTo(-1);
        assertThat(send(7, UpdateType.Full, List.of())).isEqualTo(UpdateStatus.NotSupported);
    }

    private int version() {
        return bench.call(CP, new GetLocalListVersionRequest()).listVersion();
    }

    private UpdateStatus send(int version, UpdateType type, List<AuthorizationData> entries) {
        return bench.call(CP, new SendLocalListRequest(version, entries, type)).status();
    }
}
