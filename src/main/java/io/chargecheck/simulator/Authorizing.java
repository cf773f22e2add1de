package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheResponse;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may charge (Core authorisation, the cache, Local Auth List Management): the verdict on an id
 * tag from the central system or, where the configuration allows, from the station's own
 * knowledge, and the commands that manage that knowledge (ClearCache, SendLocalList,
 * GetLocalListVersion). A verdict is an {@link IdTagInfo}: the status and the tag's group
 * (parentIdTag), which decides whether another card may stop a transaction or use a reservation.
 */
final class Authorizing {

    private static final IdTagInfo ACCEPTED = new IdTagInfo(AuthorizationStatus.Accepted);

    private final Station station;
    private final EventLog log;
    private final ConfigurationStore configuration;
    private final Authorization authorization;
    private boolean storageFails;

    Authorizing(Station station) {
        this.station = station;
        this.log = station.log;
        this.configuration = station.configuration;
        this.authorization = station.authorization;
    }

    void register(RemoteCommands commands) {
        commands.on(ClearCacheRequest.class, request -> clearCache());
        commands.on(GetLocalListVersionRequest.class, request -> getLocalListVersion());
        commands.on(SendLocalListRequest.class, this::sendLocalList);
        // OCPP 1.6: version -1 says the charge point does not support local lists
        commands.withoutProfile(GetLocalListVersionRequest.class, request -> Answer.of(new GetLocalListVersionResponse(-1)));
        commands.withoutProfile(SendLocalListRequest.class, request -> {
            if (station.has(Quirk.LOCAL_LIST_ACCEPTED_WITHOUT_PROFILE)) {
                log.info("SendLocalList: Accepted, without the profile (quirk local-list-accepted-without-profile)");
                return Answer.of(new SendLocalListResponse(UpdateStatus.Accepted));
            }
            return Answer.of(new SendLocalListResponse(UpdateStatus.NotSupported));
        });
    }

    /** The next SendLocalList cannot be stored (a full flash, a broken memory): it is answered Failed. */
    void failStorage() {
        storageFails = true;
        log.info("the local list's storage will fail");
    }

    void storageRepaired() {
        storageFails = false;
    }

    /**
     * The verdict on an id tag: from the central system when online (unless LocalPreAuthorize finds
     * it accepted locally), else from the local list and cache as LocalAuthorizeOffline and
     * AllowOfflineTxForUnknownId allow. {@code ask} false skips Authorize altogether.
     */
    CompletableFuture<IdTagInfo> authorize(String idTag, boolean ask) {
        if (!ask) {
            return CompletableFuture.completedFuture(ACCEPTED);
        }
        if (!station.outbox.isOnline()) {
            return CompletableFuture.completedFuture(offlineVerdict(idTag));
        }
        Optional<IdTagInfo> local = localVerdict(idTag).filter(info -> info.status() == AuthorizationStatus.Accepted);
        if (configuration.booleanValue(ConfigurationStore.LOCAL_PRE_AUTHORIZE) && local.isPresent()) {
            if (station.has(Quirk.LOCAL_PRE_AUTHORIZE_IGNORED)) {
                log.info("card {} is accepted here, asking all the same (quirk local-pre-authorize-ignored)", idTag);
            } else {
                log.info("card {} accepted locally (LocalPreAuthorize)", idTag);
                return CompletableFuture.completedFuture(local.get());
            }
        }
        return station.outbox.send(new AuthorizeRequest(idTag)).answer.handle((response, error) -> {
            if (error != null) {
                log.info("Authorize for {} not answered ({}): deciding offline", idTag, error.getMessage());
                return offlineVerdict(idTag);
            }
            remember(idTag, response.idTagInfo());
            return response.idTagInfo();
        });
    }

    /** Whether the verdict lets {@code idTag} into the group {@code parentIdTag} (same parentIdTag, accepted). */
    static boolean sameGroup(IdTagInfo verdict, String parentIdTag) {
        return verdict.status() == AuthorizationStatus.Accepted && parentIdTag != null
                && Objects.equals(verdict.parentIdTag(), parentIdTag);
    }

    private IdTagInfo offlineVerdict(String idTag) {
        if (station.has(Quirk.OFFLINE_START_REFUSED)) {
            log.info("offline: card {} refused (quirk offline-start-refused)", idTag);
            return new IdTagInfo(AuthorizationStatus.Invalid);
        }
        if (configuration.booleanValue(ConfigurationStore.LOCAL_AUTHORIZE_OFFLINE)) {
            Optional<IdTagInfo> known = localVerdict(idTag);
            if (known.isPresent()) {
                log.info("offline: card {} is {} in the local list or cache", idTag, known.get().status());
                return known.get();
            }
        }
        boolean allowUnknown = configuration.booleanValue(ConfigurationStore.ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID);
        log.info("offline: card {} is unknown here, {}", idTag, allowUnknown ? "allowed (AllowOfflineTxForUnknownId)" : "refused");
        return allowUnknown ? ACCEPTED : new IdTagInfo(AuthorizationStatus.Invalid);
    }

    private Optional<IdTagInfo> localVerdict(String idTag) {
        return authorization.find(idTag, localListEnabled(), cacheEnabled(), station.now());
    }

    /** Keeps the central system's verdict in the cache, when the cache is on. */
    void remember(String idTag, IdTagInfo info) {
        if (cacheEnabled()) {
            authorization.remember(idTag, info);
        }
    }

    /** A station without a cache (a variant) has no AuthorizationCacheEnabled key. */
    private boolean cacheEnabled() {
        return configuration.booleanValue(ConfigurationStore.AUTHORIZATION_CACHE_ENABLED, false);
    }

    private boolean localListEnabled() {
        return configuration.booleanValue(ConfigurationStore.LOCAL_AUTH_LIST_ENABLED, false);
    }

    private Answer clearCache() {
        if (station.has(Quirk.IGNORE_CLEAR_CACHE)) {
            log.info("ClearCache: Rejected (quirk ignore-clear-cache)");
            return Answer.of(new ClearCacheResponse(ClearCacheStatus.Rejected));
        }
        if (station.has(Quirk.CLEAR_CACHE_INEFFECTIVE)) {
            log.info("ClearCache: Accepted, {} cached id tag(s) kept (quirk clear-cache-ineffective)", authorization.cacheSize());
            return Answer.of(new ClearCacheResponse(ClearCacheStatus.Accepted));
        }
        log.info("ClearCache: {} cached id tag(s) forgotten", authorization.cacheSize());
        authorization.clearCache();
        return Answer.of(new ClearCacheResponse(ClearCacheStatus.Accepted));
    }

    private Answer getLocalListVersion() {
        int version;
        if (!localListEnabled() && !station.has(Quirk.LOCAL_LIST_VERSION_WHEN_DISABLED)) {
            version = -1; // OCPP 1.6: the station has no (enabled) local list
        } else if (station.has(Quirk.EMPTY_LOCAL_LIST_VERSION_KEPT)) {
            version = authorization.listVersion();
        } else {
            version = authorization.reportedListVersion();
        }
        log.info("GetLocalListVersion: {}", version);
        return Answer.of(new GetLocalListVersionResponse(version));
    }

    private Answer sendLocalList(SendLocalListRequest request) {
        if (!localListEnabled()) {
            return Answer.of(new SendLocalListResponse(UpdateStatus.NotSupported));
        }
        UpdateStatus status;
        if (storageFails) {
            storageFails = false;
            status = station.has(Quirk.LOCAL_LIST_FAILURE_HIDDEN) ? UpdateStatus.Accepted : UpdateStatus.Failed;
            log.info("SendLocalList {} version {}: the list could not be stored: {}{}", request.updateType(),
                    request.listVersion(), status, status == UpdateStatus.Accepted ? " (quirk local-list-failure-hidden)" : "");
            return Answer.of(new SendLocalListResponse(status));
        }
        if (request.updateType() == UpdateType.Differential && station.has(Quirk.DIFFERENTIAL_UPDATE_REJECTED)) {
            log.info("SendLocalList Differential: Failed (quirk differential-update-rejected)");
            return Answer.of(new SendLocalListResponse(UpdateStatus.Failed));
        }
        status = authorization.update(request,
                configuration.intValue(ConfigurationStore.SEND_LOCAL_LIST_MAX_LENGTH),
                configuration.intValue(ConfigurationStore.LOCAL_AUTH_LIST_MAX_LENGTH),
                !station.has(Quirk.LOCAL_LIST_VERSION_NOT_CHECKED));
        log.info("SendLocalList {} version {}: {}, {} tag(s) in the list", request.updateType(), request.listVersion(),
                status, authorization.listSize());
        return Answer.of(new SendLocalListResponse(status));
    }
}
