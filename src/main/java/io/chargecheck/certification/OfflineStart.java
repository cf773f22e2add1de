package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The precondition of a transaction that starts while the central system is offline: the station
 * must be able to approve the card on its own. OCPP 1.6 gives a station three ways, and a station
 * that offers none rightly refuses to start (an authorization cache is optional, and
 * AllowOfflineTxForUnknownId may be false). So the way is set up for real, from what the station
 * offers, in this order: the card in the local list; AllowOfflineTxForUnknownId; the card in the
 * authorization cache. When none is possible the case is not tested, not failed.
 */
public final class OfflineStart {

    private final Context context;
    private final Transactions transactions;

    public OfflineStart(Context context, Transactions transactions) {
        this.context = context;
        this.transactions = transactions;
    }

    public void prepareFor(String idTag) {
        Map<String, KeyValue> keys = context.platform().readConfiguration();
        List<String> why = new ArrayList<>();
        boolean offlineLocally = ensureTrue(keys, "LocalAuthorizeOffline", why);
        if (offlineLocally && supportsLocalList(keys, why) && ensureTrue(keys, "LocalAuthListEnabled", why)
                && putInLocalList(idTag, why)) {
            context.observations().note("card " + idTag + " put in the local list for the offline start");
            return;
        }
        if (ensureTrue(keys, "AllowOfflineTxForUnknownId", why)) {
            context.observations().note("AllowOfflineTxForUnknownId set for the offline start");
            return;
        }
        if (offlineLocally && isTrue(keys, "AuthorizationCacheEnabled")) {
            transactions.ensureCardAuthorized(idTag);
            context.observations().note("card " + idTag + " in the authorization cache for the offline start");
            return;
        }
        if (!isTrue(keys, "AuthorizationCacheEnabled")) {
            why.add("it has no authorization cache (AuthorizationCacheEnabled is " + value(keys, "AuthorizationCacheEnabled")
                    + ")");
        }
        throw new TestAbortedException("the station cannot start a transaction offline for this card: "
                + String.join("; ", why));
    }

    private boolean supportsLocalList(Map<String, KeyValue> keys, List<String> why) {
        String profiles = value(keys, "SupportedFeatureProfiles");
        boolean supported = Arrays.stream(profiles.split(","))
                .anyMatch(p -> p.strip().equalsIgnoreCase("LocalAuthListManagement"));
        if (!supported) {
            why.add("it does not support the local list (SupportedFeatureProfiles " + profiles + ")");
        }
        return supported;
    }

    /** The key is true already, or is made true (and put back after the case). */
    private boolean ensureTrue(Map<String, KeyValue> keys, String key, List<String> why) {
        if (isTrue(keys, key)) {
            return true;
        }
        KeyValue known = find(keys, key).orElse(null);
        if (known == null || known.readonly()) {
            why.add(key + " is " + (known == null ? "not a key of the station" : "read-only and " + known.value()));
            return false;
        }
        ConfigurationStatus status = context.platform().changeConfiguration(known.key(), "true");
        if (status != ConfigurationStatus.Accepted) {
            why.add(key + " = true was answered " + status);
            return false;
        }
        return true;
    }

    /** A differential update adds the card; the case's aftercare takes it out again. */
    private boolean putInLocalList(String idTag, List<String> why) {
        int version = context.platform().send(new GetLocalListVersionRequest()).listVersion();
        int next = Math.max(version, 0) + 1;
        UpdateStatus status = context.platform().send(new SendLocalListRequest(next,
                List.of(new AuthorizationData(idTag, new IdTagInfo(null, null, AuthorizationStatus.Accepted))),
                UpdateType.Differential)).status();
        if (status != UpdateStatus.Accepted) {
            why.add("SendLocalList with the card was answered " + status);
            return false;
        }
        context.scene().afterwards(() -> context.platform().send(new SendLocalListRequest(next + 1,
                List.of(new AuthorizationData(idTag, null)), UpdateType.Differential)));
        return true;
    }

    private static boolean isTrue(Map<String, KeyValue> keys, String key) {
        return "true".equals(value(keys, key).toLowerCase(Locale.ROOT));
    }

    private static String value(Map<String, KeyValue> keys, String key) {
        return find(keys, key).map(KeyValue::value).map(String::strip).orElse("absent");
    }

    private static Optional<KeyValue> find(Map<String, KeyValue> keys, String key) {
        return keys.values().stream().filter(k -> k.key().equalsIgnoreCase(key)).findFirst();
    }
}
