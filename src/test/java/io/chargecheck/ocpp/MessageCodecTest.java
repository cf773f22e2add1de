package io.chargecheck.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.HeartbeatResponse;
import io.chargecheck.ocpp.message.Core.Location;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.Phase;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.UnitOfMeasure;
import io.chargecheck.ocpp.message.Core.ValueFormat;
import io.chargecheck.ocpp.message.Request;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCodecTest {

    private static final Instant NOON_UTC = Instant.parse("2026-11-23T12:00:00Z");

    // ---- typed round trips of messages as chargers send them ----

    @Test
    void bootNotification() throws Exception {
        JsonNode payload = json("{\"chargePointVendor\":\"Alfen BV\",\"chargePointModel\":\"NG920-61001\","
                + "\"chargePointSerialNumber\":\"ace0123456\",\"firmwareVersion\":\"6.1.0-4201\","
                + "\"iccid\":\"8931440400012345678\",\"imsi\":\"204043123456789\",\"meterType\":\"Eastron SDM630\"}");

        Request<?> request = MessageCodec.decodeRequest(Action.BootNotification, payload);

        assertThat(request).isEqualTo(new BootNotificationRequest("Alfen BV", "NG920-61001", "ace0123456", null,
                "6.1.0-4201", "8931440400012345678", "204043123456789", "Eastron SDM630", null));
        assertThat(MessageCodec.encode(request)).as("absent fields stay absent, not null").isEqualTo(payload);
    }

    @Test
    void meterValuesWithDottedMeasurandsAndPhases() throws Exception {
        JsonNode payload = json("{\"connectorId\":1,\"transactionId\":4711,\"meterValue\":[{"
                + "\"timestamp\":\"2026-11-23T12:00:00Z\",\"sampledValue\":["
                + "{\"value\":\"15342.7\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\","
                + "\"measurand\":\"Energy.Active.Import.Register\",\"location\":\"Outlet\",\"unit\":\"kWh\"},"
                + "{\"value\":\"229.8\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\",\"unit\":\"V\"},"
                + "{\"value\":\"15.9\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"unit\":\"A\"}]}]}");

        Request<?> request = MessageCodec.decodeRequest(Action.MeterValues, payload);

        assertThat(request).isEqualTo(new MeterValuesRequest(1, 4711, List.of(new MeterValue(NOON_UTC, List.of(
                new SampledValue("15342.7", ReadingContext.SamplePeriodic, ValueFormat.Raw,
                        Measurand.EnergyActiveImportRegister, null, Location.Outlet, UnitOfMeasure.kWh),
                new SampledValue("229.8", ReadingContext.SamplePeriodic, null, Measurand.Voltage, Phase.L1_N, null,
                        UnitOfMeasure.V),
                new SampledValue("15.9", null, null, Measurand.CurrentImport, Phase.L1, null, UnitOfMeasure.A))))));
        assertThat(MessageCodec.encode(request)).as("written back with the dotted wire names").isEqualTo(payload);
    }

    @Test
    void statusNotification() throws Exception {
        JsonNode payload = json("{\"connectorId\":0,\"errorCode\":\"GroundFailure\",\"info\":\"RCD tripped\","
                + "\"status\":\"Faulted\",\"timestamp\":\"2026-11-23T12:00:00Z\",\"vendorErrorCode\":\"E042\"}");

        Request<?> request = MessageCodec.decodeRequest(Action.StatusNotification, payload);

        assertThat(request).isEqualTo(new StatusNotificationRequest(0, ChargePointErrorCode.GroundFailure, "RCD tripped",
                ChargePointStatus.Faulted, NOON_UTC, null, "E042"));
        assertThat(MessageCodec.encode(request)).isEqualTo(payload);
    }

    @Test
    void bootNotificationResponseIsEncodedAsTheSchemaWantsIt() throws Exception {
        JsonNode encoded = MessageCodec.encode(new BootNotificationResponse(RegistrationStatus.Accepted, NOON_UTC, 300));

        assertThat(encoded).isEqualTo(json("{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:00Z\",\"interval\":300}"));
    }

    // ---- date-times ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-23T12:00:00Z",
            "2026-11-23T12:00:00.000Z",
            "2026-11-23T14:00:00+02:00",
            "2026-11-23T07:00:00-05:00",
            "2026-11-23t12:00:00z"})
    void dateTimesWithAnOffsetAreTheSameInstant(String currentTime) throws Exception {
        HeartbeatResponse response = (HeartbeatResponse) MessageCodec.decodeResponse(Action.Heartbeat,
                json("{\"currentTime\":\"" + currentTime + "\"}"));

        assertThat(response.currentTime()).isEqualTo(NOON_UTC);
        assertThat(MessageCodec.encode(response).get("currentTime").textValue()).isEqualTo("2026-11-23T12:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-23T12:00:00", "2026-11-23T14:00:00+0200", "2026-11-23 12:00:00Z", "2026-02-30T12:00:00Z", "1795435200"})
    void dateTimesWithoutOffsetOrOtherwiseOffAreRefused(String currentTime) throws Exception {
        assertThat(violations(Action.Heartbeat, false, "{\"currentTime\":\"" + currentTime + "\"}"))
                .containsExactly("PropertyConstraintViolation currentTime: '" + currentTime
                        + "' is not an RFC 3339 date-time with time zone, e.g. 2026-11-23T12:00:00Z");
    }

    // ---- what a tester reads ----

    @Test
    void violationTextsATesterReads() throws Exception {
        assertThat(violations(Action.Authorize, true, "{\"idTag\":\"" + "A".repeat(21) + "\"}"))
                .containsExactly("PropertyConstraintViolation idTag: 21 characters, at most 20 allowed");
        assertThat(violations(Action.StartTransaction, true,
                "{\"connectorId\":\"1\",\"idTag\":\"04A2B3C4\",\"meterStart\":0,\"timestamp\":\"2026-11-23T12:00:00Z\"}"))
                .containsExactly("TypeConstraintViolation connectorId: must be an integer, was the string \"1\"");
        assertThat(violations(Action.StatusNotification, true, "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Occupied\"}"))
                .containsExactly("PropertyConstraintViolation status: 'Occupied' is not one of Available, Preparing, "
                        + "Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted");
        assertThat(violations(Action.MeterValues, true, "{\"connectorId\":1,\"meterValue\":[]}"))
                .containsExactly("OccurenceConstraintViolation meterValue: must hold at least 1 element(s), was empty");
        assertThat(violations(Action.MeterValues, true, "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"sampledValue\":[{\"value\":\"1\"},{\"value\":\"2\",\"measurand\":\"Energy\"}]}]}"))
                .singleElement().asString()
                .startsWith("PropertyConstraintViolation meterValue[0].sampledValue[1].measurand: 'Energy' is not one of "
                        + "Energy.Active.Export.Register, Energy.Active.Import.Register,");
        assertThat(violations(Action.SetChargingProfile, false, "{\"status\":\"Accepted\",\"reason\":\"ok\"}"))
                .containsExactly("FormationViolation reason: is not a field of SetChargingProfileResponse (allowed: status)");
        assertThat(violations(Action.GetDiagnostics, true, "{\"location\":\"/var/log\"}"))
                .containsExactly("PropertyConstraintViolation location: '/var/log' is not an absolute URI");
        assertThat(violations(Action.Authorize, true, "{}"))
                .containsExactly("OccurenceConstraintViolation idTag: required field is missing");
    }

    @Test
    void theExceptionNamesTheActionAndTheFirstViolationDecidesTheCode() {
        PayloadException e = catchThrowableOfType(PayloadException.class,
                () -> MessageCodec.decodeRequest(Action.Authorize, json("{\"idTag\":\"" + "A".repeat(21) + "\"}")));

        assertThat(e.getMessage()).isEqualTo("Authorize: idTag: 21 characters, at most 20 allowed");
        assertThat(e.code()).isEqualTo(ErrorCode.PropertyConstraintViolation);
    }

    @Test
    void violationsComeInTheOrderTheSpecificationListsTheFields() throws Exception {
        // The first violation picks the CALLERROR code and the texts go into the report: both must be
        // the same on every run, so they follow the declaration order, not a hash order.
        assertThat(violations(Action.StartTransaction, true, "{}")).containsExactly(
                "OccurenceConstraintViolation connectorId: required field is missing",
                "OccurenceConstraintViolation idTag: required field is missing",
                "OccurenceConstraintViolation meterStart: required field is missing",
                "OccurenceConstraintViolation timestamp: required field is missing");
        assertThat(violations(Action.BootNotification, true,
                "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\",\"serialNumber\":\"S\"}")).containsExactly(
                "FormationViolation serialNumber: is not a field of BootNotificationRequest (allowed: chargePointVendor, "
                        + "chargePointModel, chargePointSerialNumber, chargeBoxSerialNumber, firmwareVersion, iccid, imsi, "
                        + "meterType, meterSerialNumber)");
    }

    @Test
    void anIntegerBeyond32BitsIsAPropertyViolationNotATypeOne() throws Exception {
        // The schemas say "integer" without bounds; OCPP's integer is 32-bit and so is the model's.
        assertThat(violations(Action.RemoteStopTransaction, true, "{\"transactionId\":4294967296}"))
                .containsExactly("PropertyConstraintViolation transactionId: 4294967296 is outside the 32-bit integer range");
    }

    @Test
    void hertzIsAUnitInMeterValuesButNotInStopTransaction() throws Exception {
        String meterValue = "{\"timestamp\":\"2026-11-23T12:00:00Z\",\"sampledValue\":"
                + "[{\"value\":\"50.0\",\"measurand\":\"Frequency\",\"unit\":\"Hertz\"}]}";

        assertThat(violations(Action.MeterValues, true, "{\"connectorId\":1,\"meterValue\":[" + meterValue + "]}")).isEmpty();
        assertThat(violations(Action.StopTransaction, true, "{\"meterStop\":15342,\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"transactionId\":4711,\"transactionData\":[" + meterValue + "]}"))
                .containsExactly("PropertyConstraintViolation transactionData[0].sampledValue[0].unit: 'Hertz' is not one of "
                        + "Wh, kWh, varh, kvarh, W, kW, VA, kVA, var, kvar, A, V, K, Celcius, Celsius, Fahrenheit, Percent");
    }

    // ---- Action.of ----

    @TestFactory
    Stream<DynamicTest> actionOfEveryRequestType() {
        return Arrays.stream(Action.values()).map(action -> dynamicTest(action.name(),
                () -> assertThat(Action.of(emptyInstanceOf(action.requestType()))).isEqualTo(action)));
    }

    @Test
    void actionOfARequestNoActionHasIsRefused() {
        Request<HeartbeatResponse> stranger = new Request<>() {
        };

        assertThatThrownBy(() -> Action.of(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the request of an OCPP 1.6 action");
    }

    /** A request with every field null: enough to tell its type, and it needs no knowledge of each record. */
    private static <T> T emptyInstanceOf(Class<T> type) throws ReflectiveOperationException {
        Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
        return canonical.newInstance(new Object[parameterTypes.length]);
    }

    private static List<String> violations(Action action, boolean request, String payload) throws JsonProcessingException {
        Class<?> type = request ? action.requestType() : action.responseType();
        return PayloadValidator.validate(json(payload), type).stream().map(Violation::toString).toList();
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return OcppJson.mapper().readTree(text);
    }
}
