package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.Platform.Reply;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import java.util.List;

/**
 * TC_042_1_CS to TC_043_3_CS and TC_008_CS: the local authorization list, its version, its full
 * and differential updates, and a transaction started on a card of the list without asking the
 * central system.
 */
public final class LocalList {

    private final Context context;
    private Reply<GetLocalListVersionResponse> version;
    private Reply<SendLocalListResponse> update;
    /** The last update sent, as a failure names it: "the full list of version 2 with card X". */
    private String lastUpdate = "no update";
    private boolean clearedAfterwards;

    public LocalList(Context context) {
        this.context = context;
    }

    public void askVersion() {
        version = context.platform().sendAllowingCallError(new GetLocalListVersionRequest());
    }

    /** GetLocalListVersion answered with this version. */
    public void assertVersion(int expected) {
        if (version.refused()) {
            throw new AssertionError("expected GetLocalListVersion to be answered with version " + expected + " after "
                    + lastUpdate + "; the station refused it with " + version.refusalInWords(), null);
        }
        int answered = version.answer().listVersion();
        if (answered != expected) {
            throw new AssertionError("expected local list version " + expected + meaning(expected) + " after " + lastUpdate
                    + "; the station answered " + answered + meaning(answered), null);
        }
    }

    /** No (enabled) local list: version -1, or the command refused as NotSupported. */
    public void assertNoList() {
        if (version.refused()) {
            if (version.refusal().code() != ErrorCode.NotSupported) {
                throw new AssertionError("expected GetLocalListVersion to be answered with version -1, or refused with "
                        + "CALLERROR NotSupported; the station refused it with " + version.refusalInWords(), null);
            }
            context.observations().note("GetLocalListVersion refused with CALLERROR NotSupported");
            return;
        }
        int answered = version.answer().listVersion();
        if (answered != -1) {
            throw new AssertionError("expected local list version -1 (no local list, or LocalAuthListEnabled false), or "
                    + "CALLERROR NotSupported; the station answered " + answered + meaning(answered), null);
        }
    }

    public void sendFull(int listVersion, String idTag) {
        send(listVersion, UpdateType.Full, idTag);
    }

    public void sendDifferential(int listVersion, String idTag) {
        send(listVersion, UpdateType.Differential, idTag);
    }

    /** A full list without entries: it empties the list. */
    public void sendEmptyFull(int listVersion) {
        send(listVersion, UpdateType.Full, null);
    }

    private void send(int listVersion, UpdateType type, String idTag) {
        List<AuthorizationData> entries = idTag == null ? null
                : List.of(new AuthorizationData(idTag, new IdTagInfo(null, null, AuthorizationStatus.Accepted)));
        lastUpdate = "the " + (type == UpdateType.Full ? "full list" : "differential update") + " of version " + listVersion
                + (idTag == null ? " without entries" : " with card " + idTag);
        update = context.platform().sendAllowingCallError(new SendLocalListRequest(listVersion, entries, type));
        if (!update.refused() && update.answer().status() == UpdateStatus.Accepted) {
            clearAfterwards();
        }
    }

    /** A live charger keeps the list after the case; the OCA's cases begin without one. */
    private void clearAfterwards() {
        if (!clearedAfterwards) {
            clearedAfterwards = true;
            context.scene().afterwards(() -> context.platform().send(new SendLocalListRequest(1, null, UpdateType.Full)));
        }
    }

    public void assertUpdateAnswered(UpdateStatus expected) {
        if (update.refused()) {
            throw new AssertionError("expected SendLocalList (" + lastUpdate + ") to be answered " + expected
                    + "; the station refused it with " + update.refusalInWords(), null);
        }
        UpdateStatus answered = update.answer().status();
        if (answered != expected) {
            throw new AssertionError("expected SendLocalList (" + lastUpdate + ") to be answered " + expected
                    + "; it was answered " + answered, null);
        }
    }

    /** A station without the profile: NotSupported, or the command refused with CALLERROR NotSupported. */
    public void assertUpdateNotSupported() {
        if (update.refused() && update.refusal().code() == ErrorCode.NotSupported) {
            context.observations().note("SendLocalList refused with CALLERROR NotSupported");
            return;
        }
        if (!update.refused() && update.answer().status() == UpdateStatus.NotSupported) {
            return;
        }
        throw new AssertionError("expected SendLocalList (" + lastUpdate + ") to be answered NotSupported, or refused with "
                + "CALLERROR NotSupported, by a station without LocalAuthListManagement; "
                + (update.refused() ? "it was refused with " + update.refusalInWords() : "it was answered " + update.answer().status()),
                null);
    }

    /** The person makes the station unable to store a list (vendor-specific); the SendLocalList answer shows it. */
    public void breakStorage() {
        Confirmed.perform(context, new PhysicalAction.BreakLocalListStorage());
    }

    /**
     * After the remote start: StartTransaction for the card and Charging (either order), and no
     * Authorize for the card in the whole case: it is on the local list and LocalPreAuthorize is true.
     */
    public void assertStartedFromTheList(String idTag) {
        int connector = context.connector();
        new MessageOrder(context).awaitInOrder(context.scene().lastAction, context.patience(),
                Expected.call(StartTransactionRequest.class, "StartTransaction for connector " + connector + " with card "
                        + idTag, s -> s.connectorId() == connector && s.idTag().equalsIgnoreCase(idTag)),
                Expected.status(connector, ChargePointStatus.Charging));
        List<Received<AuthorizeRequest>> asked = context.evidence().received(AuthorizeRequest.class, context.scene().start)
                .stream().filter(a -> a.message().idTag().equalsIgnoreCase(idTag)).toList();
        if (!asked.isEmpty()) {
            throw new AssertionError("expected no Authorize for card " + idTag + ": it is on the local list and "
                    + "LocalPreAuthorize is true, so the station should take it from the list; it sent Authorize at "
                    + Describe.time(asked.get(0).entry().time()), null);
        }
    }

    private static String meaning(int listVersion) {
        return switch (listVersion) {
            case -1 -> " (no local list)";
            case 0 -> " (an empty list)";
            default -> "";
        };
    }
}
