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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may charge (Core authorisation, the cache, Local Auth List Management): the verdict on an id
 * tag from the central system or, where the configuration allows, from the station's own
 * knowledge, and the commands that manage that knowledge (ClearCache, SendLocalList,
 * GetLocalListVersion).
 */
final class Authorizing {

    private final Station station;
    private final EventLog log;
    private final ConfigurationStore configuration;
    private final Authorization authorization;

    Authorizing(Station station) {
        this.station = station;
        this.log = station.log;
        this.configuration = station.configuration;
        this.authorization = station.authorization;
    }

    void register(RemoteCommands commands) {
        commands.on(ClearCacheRequest.class, request -> clearCache());
        commands.on(GetLocalListVersionRequest.class, request -> Answer.of(new GetLocalListVersionResponse(
                localListEnabled() ? authorization.listVersion() : -1)));
        commands.on(SendLocalListRequest.class, this::sendLocalList);
    }

    /**
     * The verdict on an id tag: from the central system when online (unless LocalPreAuthorize finds
     * it accepted locally), else from the local list and cache as LocalAuthorizeOffline and
     * AllowOfflineTxForUnknownId allow. {@code ask} false skips Authorize altogether.
     */
    CompletableFuture<AuthorizationStatus> authorize(String idTag, boolean ask) {
        if (!ask) {
            return CompletableFuture.completedFuture(AuthorizationStatus.Accepted);
        }
        if (!station.outbox.isOnline()) {
            return CompletableFuture.completedFuture(offlineVerdict(idTag));
        }
        if (configuration.booleanValue(ConfigurationStore.LOCAL_PRE_AUTHORIZE)
                && localVerdict(idTag).orElse(null) == AuthorizationStatus.Accepted) {
            log.info("card {} accepted locally (LocalPreAuthorize)", idTag);
            return CompletableFuture.completedFuture(AuthorizationStatus.Accepted);
        }
        return station.outbox.send(new AuthorizeRequest(idTag)).answer.handle((response, error) -> {
            if (error != null) {
                log.info("Authorize for {} not answered ({}): deciding offline", idTag, error.getMessage());
                return offlineVerdict(idTag);
            }
            remember(idTag, response.idTagInfo());
            return response.idTagInfo().status();
        });
    }

    private AuthorizationStatus offlineVerdict(String idTag) {
        if (configuration.booleanValue(ConfigurationStore.LOCAL_AUTHORIZE_OFFLINE)) {
            Optional<AuthorizationStatus> known = localVerdict(idTag);
            if (known.isPresent()) {
                log.info("offline: card {} is {} in the local list or cache", idTag, known.get());
                return known.get();
            }
        }
        boolean allowUnknown = configuration.booleanValue(ConfigurationStore.ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID);
        log.info("offline: card {} is unknown here, {}", idTag, allowUnknown ? "allowed (AllowOfflineTxForUnknownId)" : "refused");
        return allowUnknown ? AuthorizationStatus.Accepted : AuthorizationStatus.Invalid;
    }

    private Optional<AuthorizationStatus> localVerdict(String idTag) {
        return authorization.lookup(idTag, localListEnabled(),
                cacheEnabled(), station.now());
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
        return configuration.booleanValue(ConfigurationStore.LOCAL_AUTH_LIST_ENABLED);
    }

    private Answer clearCache() {
        if (station.has(Quirk.IGNORE_CLEAR_CACHE)) {
            log.info("ClearCache: Rejected (quirk ignore-clear-cache)");
            return Answer.of(new ClearCacheResponse(ClearCacheStatus.Rejected));
        }
        log.info("ClearCache: {} cached id tag(s) forgotten", authorization.cacheSize());
        authorization.clearCache();
        return Answer.of(new ClearCacheResponse(ClearCacheStatus.Accepted));
    }

    private Answer sendLocalList(SendLocalListRequest request) {
        if (!localListEnabled()) {
            return Answer.of(new SendLocalListResponse(UpdateStatus.NotSupported));
        }
        UpdateStatus status = authorization.update(request,
                configuration.intValue(ConfigurationStore.SEND_LOCAL_LIST_MAX_LENGTH),
                configuration.intValue(ConfigurationStore.LOCAL_AUTH_LIST_MAX_LENGTH));
        log.info("SendLocalList {} version {}: {}, {} tag(s) in the list", request.updateType(), request.listVersion(),
                status, authorization.listSize());
        return Answer.of(new SendLocalListResponse(status));
    }
}
