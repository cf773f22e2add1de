package io.chargecheck.ocpp.message;

import java.util.List;

/** OCPP 1.6 Local Auth List Management profile. */
public final class LocalAuthListManagement {

    private LocalAuthListManagement() {
    }

    public enum UpdateType { Differential, Full }

    public enum UpdateStatus { Accepted, Failed, NotSupported, VersionMismatch }

    public record AuthorizationData(@Required @MaxLength(20) String idTag, Core.IdTagInfo idTagInfo) {
    }

    public record GetLocalListVersionRequest() implements Request<GetLocalListVersionResponse> {
    }

    public record GetLocalListVersionResponse(@Required Integer listVersion) implements Response {
    }

    public record SendLocalListRequest(@Required Integer listVersion, List<AuthorizationData> localAuthorizationList,
                                       @Required UpdateType updateType) implements Request<SendLocalListResponse> {
    }

    public record SendLocalListResponse(@Required UpdateStatus status) implements Response {
    }
}
