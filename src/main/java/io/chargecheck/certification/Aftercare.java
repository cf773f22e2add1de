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
        if (!bench.driver().isSimulated()) {
            askForTheCableToComeOut();
        }
    }

    /**
     * A live charger is put back by a person: with the transaction stopped, the cable still in
     * leaves the connector Finishing or Preparing, and the next case needs it Available.
     */
    private void askForTheCableToComeOut() {
        int connector = context.connector();
        ChargePointStatus now = statuses.current(connector).orElse(null);
        if (now != ChargePointStatus.Finishing && now != ChargePointStatus.Preparing && now != ChargePointStatus.SuspendedEV
                && now != ChargePointStatus.SuspendedEVSE) {
            return;
        }
        PhysicalAction unplug = new PhysicalAction.Unplug(connector);
        context.perform(unplug);
        try {
            statuses.await(connector, ChargePointStatus.Available, context.bench().driver().patienceFor(unplug));
        } catch (AssertionError e) {
            LOG.warn("connector {} is still not Available for the next case: {}", connector, e.getMessage());
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
