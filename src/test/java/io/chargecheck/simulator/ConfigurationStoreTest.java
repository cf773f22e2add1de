package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.Measurand;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationStoreTest {

    private final ConfigurationStore store = new ConfigurationStore(2);

    @Test
    void holdsTheCoreKeysAndThoseOfTheAnnouncedProfilesInSpecificationOrder() {
        assertThat(store.all()).extracting(KeyValue::key).startsWith("AllowOfflineTxForUnknownId", "AuthorizationCacheEnabled")
                .contains("HeartbeatInterval", "MeterValuesSampledData", "StopTransactionOnEVSideDisconnect",
                        "LocalAuthListEnabled", "SendLocalListMaxLength", "ReserveConnectorZeroSupported",
                        "ChargeProfileMaxStackLevel", "ChargingScheduleAllowedChargingRateUnit", "ChargingScheduleMaxPeriods",
                        "MaxChargingProfilesInstalled")
                .doesNotHaveDuplicates().hasSize(42);
        assertThat(store.keyValue("NumberOfConnectors")).isEqualTo(new KeyValue("NumberOfConnectors", true, "2"));
        assertThat(store.keyValue("ConnectorPhaseRotation").value()).isEqualTo("0.RST,1.RST,2.RST");
        assertThat(store.get("SupportedFeatureProfiles")).contains(ConfigurationStore.SUPPORTED_PROFILES);
    }

    @Test
    void changesFollowTheSpecificationsAnswers() {
        assertThat(store.change("NoSuchKey", "1")).isEqualTo(ConfigurationStatus.NotSupported);
        assertThat(store.change("NumberOfConnectors", "3")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("HeartbeatInterval", "abc")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("HeartbeatInterval", "-1")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("HeartbeatInterval", " 30 ")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.intValue("HeartbeatInterval")).isEqualTo(30);
        assertThat(store.change("LocalPreAuthorize", "TRUE")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.get("LocalPreAuthorize")).contains("true");
        assertThat(store.change("LocalPreAuthorize", "yes")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("WebSocketPingInterval", "60")).as("unchanged").isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.change("WebSocketPingInterval", "30")).isEqualTo(ConfigurationStatus.RebootRequired);
    }

    @Test
    void measurandListsTakeOnlyWhatTheMeterMeasuresUpToTheirMaximumLength() {
        assertThat(store.change("MeterValuesSampledData", "Energy.Active.Import.Register, Voltage,Current.Import"))
                .isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.measurands("MeterValuesSampledData")).containsExactly(Measurand.EnergyActiveImportRegister,
                Measurand.Voltage, Measurand.CurrentImport);
        assertThat(store.get("MeterValuesSampledData")).contains("Energy.Active.Import.Register,Voltage,Current.Import");
        assertThat(store.change("MeterValuesSampledData", "SoC")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("MeterValuesSampledData", "Volts")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("MeterValuesSampledData", "Voltage,Voltage")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(store.change("MeterValuesSampledData", String.join(",", "Energy.Active.Import.Register",
                "Power.Active.Import", "Current.Import", "Current.Offered", "Power.Offered", "Voltage", "Temperature")))
                .isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.change("StopTxnSampledData", "")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.measurands("StopTxnSampledData")).isEmpty();
        assertThat(store.change("ConnectorPhaseRotation", "0.RST,1.TSR,2.Unknown")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(store.change("ConnectorPhaseRotation", "3.RST")).as("no connector 3").isEqualTo(ConfigurationStatus.Rejected);
    }

    @Test
    void theChangesSurviveThroughChangedAndRestore() {
        store.change("HeartbeatInterval", "42");
        store.change("AuthorizeRemoteTxRequests", "true");
        Map<String, String> saved = store.changed();
        assertThat(saved).containsOnly(Map.entry("HeartbeatInterval", "42"), Map.entry("AuthorizeRemoteTxRequests", "true"));

        ConfigurationStore restarted = new ConfigurationStore(2);
        restarted.restore(Map.of("HeartbeatInterval", "42", "AuthorizeRemoteTxRequests", "true",
                "NumberOfConnectors", "9", "Gone", "1", "ConnectionTimeOut", "bad"));
        assertThat(restarted.changed()).isEqualTo(saved);
    }

    @Test
    void presetsAreCheckedLikeAChange() {
        store.preset("ConnectionTimeOut", "2");
        assertThat(store.intValue("ConnectionTimeOut")).isEqualTo(2);
        assertThatThrownBy(() -> store.preset("NumberOfConnectors", "4")).hasMessageContaining("Rejected");
        assertThatThrownBy(() -> store.preset("Nope", "4")).hasMessageContaining("NotSupported");
    }
}
