package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves a station that the next case uses as the case found it: online, no transaction running,
 * every connector operative, no cable or fault (the simulator's hands; a person is asked on a live
 * charger when the next case needs it), every configuration key restored. It judges the station's
 * state only once the station has settled: its stop sequence done, then a quiet moment.
 */
public final class Aftercare {

    private static final Logger LOG = LoggerFactory.getLogger(Aftercare.class);

    private final Context context;
    private final Transactions transactions;
    private final Statuses statuses;

    public Aftercare(Context context, Transactions transactions, Statuses statuses) {
        this.context = context;
        this.transactions = transactions;
        this.statuses = statuses;
    }

    public void restore() {
        Station station = context.station();
        context.bench().centralSystem().comeBackOnline(station.id());
        try {
            station.awaitBoot(context.timeouts().reboot());
        } catch (AssertionError e) {
            LOG.warn("the station is not back after the case: {}", e.getMessage());
            return;
        }
        transactions.stopAllRunning();
        station.tidyUpPhysicalWorld();
        context.scene().afterwards.forEach(Aftercare::tryQuietly);
        statuses.awaitSettled();
        if (madeInoperative() || statuses.allConnectors().stream()
                .anyMatch(c -> statuses.current(c).orElse(null) == ChargePointStatus.Unavailable)) {
            tryQuietly(() -> context.platform().send(new ChangeAvailabilityRequest(0, AvailabilityType.Operative)));
        }
        List<String> notRestored = context.platform().restoreConfiguration();
        if (!notRestored.isEmpty()) {
            context.observations().note("configuration not restored: " + String.join(", ", notRestored));
        }
    }

    /** Whether this scenario took the station or a connector out of service; its StatusNotifications may not say so. */
    private boolean madeInoperative() {
        return context.evidence().entries(context.scene().start).stream()
                .map(entry -> entry.message(ChangeAvailabilityRequest.class))
                .flatMap(Optional::stream)
                .anyMatch(request -> request.type() == AvailabilityType.Inoperative);
    }

    private static void tryQuietly(Runnable action) {
        try {
            action.run();
        } catch (AssertionError e) {
            LOG.warn("after the case: {}", e.getMessage());
        }
    }
}
