package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import java.util.Set;

/**
 * How the central system answers Authorize and StartTransaction for an id tag: the cards of the
 * test, each with the status a platform would give it. Unknown cards are Invalid, as on a real
 * platform.
 */
public record IdTagPolicy(Set<String> accepted, Set<String> blocked, Set<String> expired) {

    public IdTagPolicy {
        accepted = Set.copyOf(accepted);
        blocked = Set.copyOf(blocked);
        expired = Set.copyOf(expired);
    }

    public static IdTagPolicy accepting(String... idTags) {
        return new IdTagPolicy(Set.of(idTags), Set.of(), Set.of());
    }

    public AuthorizationStatus statusOf(String idTag) {
        // OCPP id tags are case-insensitive (IdToken is a CiString20).
        if (containsIgnoreCase(accepted, idTag)) {
            return AuthorizationStatus.Accepted;
        }
        if (containsIgnoreCase(blocked, idTag)) {
            return AuthorizationStatus.Blocked;
        }
        if (containsIgnoreCase(expired, idTag)) {
            return AuthorizationStatus.Expired;
        }
        return AuthorizationStatus.Invalid;
    }

    public IdTagInfo infoOf(String idTag) {
        return new IdTagInfo(statusOf(idTag));
    }

    private static boolean containsIgnoreCase(Set<String> tags, String idTag) {
        return idTag != null && tags.stream().anyMatch(idTag::equalsIgnoreCase);
    }
}
