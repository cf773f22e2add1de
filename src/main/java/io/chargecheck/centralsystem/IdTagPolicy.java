package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import java.util.Map;
import java.util.Set;

/**
 * How the central system answers Authorize and StartTransaction for an id tag: the cards of the
 * test, each with the status a platform would give it, and the parent id tag of those that have
 * one. Unknown cards are Invalid, as on a real platform.
 */
public record IdTagPolicy(Set<String> accepted, Set<String> blocked, Set<String> expired, Map<String, String> parents) {

    public IdTagPolicy {
        accepted = Set.copyOf(accepted);
        blocked = Set.copyOf(blocked);
        expired = Set.copyOf(expired);
        parents = Map.copyOf(parents);
    }

    public IdTagPolicy(Set<String> accepted, Set<String> blocked, Set<String> expired) {
        this(accepted, blocked, expired, Map.of());
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

    /** The status, and the parent id tag when the card has one: cards of one fleet share a parent. */
    public IdTagInfo infoOf(String idTag) {
        String parent = idTag == null ? null : parents.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(idTag)).map(Map.Entry::getValue).findFirst().orElse(null);
        return new IdTagInfo(null, parent, statusOf(idTag));
    }

    private static boolean containsIgnoreCase(Set<String> tags, String idTag) {
        return idTag != null && tags.stream().anyMatch(idTag::equalsIgnoreCase);
    }
}
