package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves the station as the case found it: no transaction running, every connector operative, no
 * cable or fault (on the simulator; a person is asked on a live charger), and every configuration
 * key restored.
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
        Bench bench = context.bench();
        bench.centralSystem().comeBackOnline(bench.chargePointId());
        try {
            bench.awaitBoot(context.timeouts().reboot());
        } catch (AssertionError e) {
            LOG.warn("the station is not back after the case: {}", e.getMessage());
            return;
        }
        transactions.stopAllRunning();
        bench.tidyUpPhysicalWorld();
        if (madeInoperative() || statuses.allConnectors().stream()
                .anyMatch(c -> statuses.current(c).orElse(null) == ChargePointStatus.Unavailable)) {
            tryQuietly(() -> context.platform().send(new ChangeAvailabilityRequest(0, AvailabilityType.Operative)));
        }
        List<String> notRestored = context.platform().restoreConfiguration();
        if (!notRestored.isEmpty()) {
            context.observations().note("configuration not restored: " + String.join(", ", notRestored));
        }
        if (!bench.driver().isSimulated() && statuses.current(context.connector()).orElse(null) != ChargePointStatus.Available) {
            bench.console().inform("Connector " + context.connector() + " is not Available: unplug the cable and clear any "
                    + "fault before the next case.");
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
