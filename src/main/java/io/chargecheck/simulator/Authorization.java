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
        IdTagInfo info = useLocalList ? localList.get(idTag) : null;
        if (info == null && useCache) {
            info = cache.get(idTag);
        }
        if (info == null) {
            return Optional.empty();
        }
        if (info.status() == AuthorizationStatus.Accepted && info.expiryDate() != null && info.expiryDate().isBefore(now)) {
            return Optional.of(AuthorizationStatus.Expired);
        }
        return Optional.of(info.status());
    }

    int listVersion() {
        return listVersion;
    }

    int listSize() {
        return localList.size();
    }

    UpdateStatus update(SendLocalListRequest request, int maxEntriesPerMessage, int maxListLength) {
        List<AuthorizationData> entries = request.localAuthorizationList() == null ? List.of() : request.localAuthorizationList();
        if (entries.size() > maxEntriesPerMessage) {
            return UpdateStatus.Failed;
        }
        Map<String, IdTagInfo> updated = new HashMap<>(request.updateType() == UpdateType.Full ? Map.of() : localList);
        if (request.updateType() == UpdateType.Differential && request.listVersion() <= listVersion) {
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
