package io.chargecheck.certification;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Case 1: what the station says about itself in its BootNotification. */
public final class BootCheck {

    private final Context context;

    public BootCheck(Context context) {
        this.context = context;
    }

    /** The station's last BootNotification; fails naming what broke it when it was not valid OCPP. */
    public BootNotificationRequest lastBoot() {
        JournalEntry last = context.evidence().station().lastBoot().orElseGet(this::lastBrokenBoot);
        return last.message(BootNotificationRequest.class).orElseThrow(() -> new AssertionError(
                "expected a valid BootNotification; the last one broke OCPP 1.6: " + last.problem(), null));
    }

    /** A BootNotification that broke OCPP 1.6 is no boot, but the failure names it. */
    private JournalEntry lastBrokenBoot() {
        List<JournalEntry> broken = context.evidence().entries(0).stream()
                .filter(entry -> entry.isCallFromStation(Action.BootNotification)).toList();
        if (broken.isEmpty()) {
            throw new AssertionError("expected a BootNotification; the station has sent none", null);
        }
        return broken.get(broken.size() - 1);
    }

    /** The station's first BootNotification of the run: the charger as it came to be certified. */
    public BootNotificationRequest firstBoot() {
        return context.evidence().station().firstBoot()
                .flatMap(entry -> entry.message(BootNotificationRequest.class))
                .orElseGet(this::lastBoot);
    }

    public void assertVendorAndModel() {
        BootNotificationRequest boot = lastBoot();
        if (boot.chargePointVendor().isBlank() || boot.chargePointModel().isBlank()) {
            throw new AssertionError("expected chargePointVendor and chargePointModel to be filled in; got vendor '"
                    + boot.chargePointVendor() + "', model '" + boot.chargePointModel() + "'", null);
        }
    }

    public void assertRequiredFields() {
        BootNotificationRequest boot = lastBoot();
        List<String> required = context.settings().requiredBootFields();
        List<String> missing = required.stream().filter(field -> isBlank(boot, field)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("expected the BootNotification to contain " + String.join(", ", required)
                    + " (required by the platform); missing: " + String.join(", ", missing), null);
        }
    }

    private static boolean isBlank(BootNotificationRequest boot, String field) {
        for (RecordComponent component : BootNotificationRequest.class.getRecordComponents()) {
            if (component.getName().equals(field)) {
                try {
                    Object value = component.getAccessor().invoke(boot);
                    return value == null || value.toString().isBlank();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("setting chargecheck.boot.requiredFields names '" + field
                + "', which is not a BootNotification field");
    }
}
