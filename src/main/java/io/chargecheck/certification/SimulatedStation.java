package io.chargecheck.certification;

import io.chargecheck.certification.PhysicalAction.CauseFault;
import io.chargecheck.certification.PhysicalAction.ChargeWhileOffline;
import io.chargecheck.certification.PhysicalAction.ClearFault;
import io.chargecheck.certification.PhysicalAction.EndTransaction;
import io.chargecheck.certification.PhysicalAction.PlugIn;
import io.chargecheck.certification.PhysicalAction.PresentCard;
import io.chargecheck.certification.PhysicalAction.PresentCardWithoutCable;
import io.chargecheck.certification.PhysicalAction.Unplug;
import io.chargecheck.config.Settings;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.simulator.ChargePointSimulator;
import io.chargecheck.simulator.Quirk;
import io.chargecheck.simulator.SimulatorConfig;
import io.chargecheck.simulator.Variant;
import java.time.Duration;

/** The built-in simulator as the station under test: physical actions go through its control API. */
public final class SimulatedStation implements StationDriver {

    private final ChargePointSimulator simulator;
    private final Settings settings;

    private SimulatedStation(ChargePointSimulator simulator, Settings settings) {
        this.simulator = simulator;
        this.settings = settings;
    }

    static SimulatedStation start(Settings settings, String chargePointId, String centralSystemUrl) {
        SimulatorConfig config = SimulatorConfig.builder()
                .centralSystemUrl(centralSystemUrl)
                .chargePointId(chargePointId)
                .connectors(settings.simulatorConnectors())
                .quirks(Quirk.parse(String.join(",", settings.simulatorQuirks())))
                .variants(Variant.parse(String.join(",", settings.simulatorVariants())))
                .password(settings.authorizationKey().isEmpty() ? null : settings.authorizationKey())
                // The shortest intervals OCPP allows, so the protocol's own timers set the pace.
                .configure("ConnectionTimeOut", "2")
                .build();
        ChargePointSimulator simulator = new ChargePointSimulator(config);
        simulator.start();
        return new SimulatedStation(simulator, settings);
    }

    @Override
    public void perform(PhysicalAction action) {
        if (action instanceof PlugIn a) {
            simulator.plugIn(a.connector());
        } else if (action instanceof Unplug a) {
            simulator.unplug(a.connector());
        } else if (action instanceof PresentCard a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof PresentCardWithoutCable a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof EndTransaction a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof ChargeWhileOffline a) {
            simulator.plugIn(a.connector());
            simulator.presentCard(a.connector(), a.idTag());
            simulator.presentCard(a.connector(), a.idTag());
            simulator.unplug(a.connector());
        } else if (action instanceof CauseFault a) {
            simulator.injectFault(a.connector(), ChargePointErrorCode.GroundFailure, "CC-FAULT");
        } else if (action instanceof ClearFault a) {
            simulator.clearFault(a.connector());
        }
    }

    @Override
    public Duration patienceFor(PhysicalAction action) {
        return settings.timeouts().message();
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    /** Puts the physical world back: no cable in any connector, no fault. */
    void tidyUp() {
        for (int connector = 0; connector <= settings.simulatorConnectors(); connector++) {
            if (connector > 0) {
                simulator.unplug(connector);
            }
            simulator.clearFault(connector);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
