package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Platform.Reply;
import io.chargecheck.ocpp.message.Core.DataTransferRequest;
import io.chargecheck.ocpp.message.Core.DataTransferResponse;
import io.chargecheck.ocpp.message.Core.DataTransferStatus;

/** TC_062_CS: vendor-specific data the station does not support is refused with a status, not an error. */
public final class DataTransferToStation {

    /** A vendor no station knows, unless the tester names another ({@code chargecheck.octt.dataTransferVendorId}). */
    static final String UNKNOWN_VENDOR = "org.chargecheck.octt.unknown-vendor";

    private final Context context;
    private String vendorId;
    private Reply<DataTransferResponse> reply;

    public DataTransferToStation(Context context) {
        this.context = context;
    }

    public void sendDataOfAnUnsupportedVendor() {
        vendorId = context.settings().octt().getOrDefault("dataTransferVendorId", UNKNOWN_VENDOR);
        reply = context.platform().sendAllowingCallError(new DataTransferRequest(vendorId, "TC_062_CS", "data no station supports"));
    }

    /** Rejected, UnknownMessageId or UnknownVendorId; Accepted passes with a warning, as the OCA has it; a CALLERROR fails. */
    public void assertRefused() {
        if (reply.refused()) {
            throw new AssertionError("expected a DataTransfer answer with status Rejected, UnknownMessageId or UnknownVendorId"
                    + " for vendor " + vendorId + "; the station answered " + reply.refusalInWords(), null);
        }
        DataTransferStatus status = reply.answer().status();
        if (status == DataTransferStatus.Accepted) {
            context.observations().note("warning: DataTransfer for vendor " + vendorId + ", which the station should not know, "
                    + "was Accepted (the OCA tolerates it, with a warning to the manufacturer)");
        }
    }
}
