package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the station knows about id tags on its own: the authorisation cache (filled from the
 * central system's answers, emptied by ClearCache) and the local authorisation list (SendLocalList).
 */
final class Authorization {

    private final Map<String, IdTagInfo> cache = new HashMap<>();
    private final Map<String, IdTagInfo> localList = new HashMap<>();
    private int listVersion;

    /** Remembers the central system's verdict on a tag (Authorize, StartTransaction, StopTransaction answers). */
    void remember(String idTag, IdTagInfo info) {
        if (idTag != null && info != null) {
            cache.put(idTag, info);
        }
    }

    void clearCache() {
        cache.clear();
    }

    int cacheSize() {
        return cache.size();
    }

    /**
     * The station's own verdict, as OCPP 1.6 section 3.5 describes it: the local list first, then the
     * cache; empty when neither knows the tag. Expired entries count as Expired.
     */
    Optional<AuthorizationStatus> lookup(String idTag, boolean useLocalList, boolean useCache, Instant now) {
        return find(idTag, useLocalList, useCache, now).map(IdTagInfo::status);
    }

    /** As {@link #lookup}, with what else the station knows of the tag (its parentIdTag). */
    Optional<IdTagInfo> find(String idTag, boolean useLocalList, boolean useCache, Instant now) {
        IdTagInfo info = useLocalList ? localList.get(idTag) : null;
        if (info == null && useCache) {
            info = cache.get(idTag);
        }
        if (info == null) {
            return Optional.empty();
        }
        if (info.status() == AuthorizationStatus.Accepted && info.expiryDate() != null && info.expiryDate().isBefore(now)) {
            return Optional.of(new IdTagInfo(info.expiryDate(), info.parentIdTag(), AuthorizationStatus.Expired));
        }
        return Optional.of(info);
    }

    int listVersion() {
        return listVersion;
    }

    int listSize() {
        return localList.size();
    }

    /** The version as GetLocalListVersion reports it: 0 for an empty list, whatever update emptied it. */
    int reportedListVersion() {
        return localList.isEmpty() ? 0 : listVersion;
    }

    UpdateStatus update(SendLocalListRequest request, int maxEntriesPerMessage, int maxListLength) {
        return update(request, maxEntriesPerMessage, maxListLength, true);
    }

    /** {@code checkVersion} false takes a differential update of any version (a defect some chargers have). */
    UpdateStatus update(SendLocalListRequest request, int maxEntriesPerMessage, int maxListLength, boolean checkVersion) {
        List<AuthorizationData> entries = request.localAuthorizationList() == null ? List.of() : request.localAuthorizationList();
        if (entries.size() > maxEntriesPerMessage) {
            return UpdateStatus.Failed;
        }
        Map<String, IdTagInfo> updated = new HashMap<>(request.updateType() == UpdateType.Full ? Map.of() : localList);
        if (checkVersion && request.updateType() == UpdateType.Differential && request.listVersion() <= listVersion) {
            return UpdateStatus.VersionMismatch;
        }
        for (AuthorizationData entry : entries) {
            if (entry.idTagInfo() == null) {
                updated.remove(entry.idTag());
            } else {
                updated.put(entry.idTag(), entry.idTagInfo());
            }
        }
        if (updated.size() > maxListLength) {
            return UpdateStatus.Failed;
        }
        localList.clear();
        localList.putAll(updated);
        listVersion = request.listVersion();
        return UpdateStatus.Accepted;
    }
}
