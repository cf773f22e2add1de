package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Messages and times in the words of a failure message: "connector 1 Unavailable at 12:00:01.123". */
public final class Describe {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private Describe() {
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The few fields of a station's message that tell one from another. */
    public static String brief(Object message) {
        if (message instanceof StatusNotificationRequest s) {
            return "connector " + s.connectorId() + " " + s.status()
                    + (s.errorCode() == ChargePointErrorCode.NoError ? "" : " (" + s.errorCode() + ")");
        }
        if (message instanceof BootNotificationRequest b) {
            return b.chargePointVendor() + " " + b.chargePointModel() + ", firmware " + b.firmwareVersion();
        }
        if (message instanceof StartTransactionRequest s) {
            return "connector " + s.connectorId() + ", card " + s.idTag();
        }
        if (message instanceof StopTransactionRequest s) {
            return "transaction " + s.transactionId() + (s.reason() == null ? "" : ", reason " + s.reason());
        }
        if (message instanceof MeterValuesRequest m) {
            return "connector " + m.connectorId() + (m.transactionId() == null ? "" : ", transaction " + m.transactionId());
        }
        if (message instanceof AuthorizeRequest a) {
            return "card " + a.idTag();
        }
        if (message instanceof FirmwareStatusNotificationRequest f) {
            return f.status().name();
        }
        if (message instanceof DiagnosticsStatusNotificationRequest d) {
            return d.status().name();
        }
        return message.getClass().getSimpleName().replace("Request", "");
    }
}
