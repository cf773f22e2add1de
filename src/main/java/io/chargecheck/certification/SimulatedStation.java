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
import org.awaitility.core.ConditionTimeoutException;

/** The built-in simulator as the station under test: physical actions go through its control API. */
public final class SimulatedStation implements StationDriver {

    private final ChargePointSimulator simulator;
    private final Settings settings;

    private SimulatedStation(ChargePointSimulator simulator, Settings settings) {
        this.simulator = simulator;
        this.settings = settings;
    }

    /**
     * A simulated station built for what the case needs: a fixed cable or not, backup power, a
     * profile left out, the security profile it starts on.
     */
    static SimulatedStation start(Settings settings, String chargePointId, Bench bench, CaseNeeds needs) {
        SimulatorConfig.Builder builder = SimulatorConfig.builder()
                .centralSystemUrl(bench.centralSystem().url())
                .chargePointId(chargePointId)
                .connectors(settings.simulatorConnectors())
                .quirks(Quirk.parse(String.join(",", settings.simulatorQuirks())))
                .variants(Variant.parse(String.join(",", settings.simulatorVariants())))
                .password(settings.authorizationKey().isEmpty() ? null : settings.authorizationKey())
                // The shortest intervals OCPP allows, so the protocol's own timers set the pace.
                .configure("ConnectionTimeOut", "2")
                .fixedCable(needs.fact(CaseNeeds.Fact.FIXED_CABLE).orElse(false))
                .backupPower(needs.fact(CaseNeeds.Fact.BACKUP_POWER).orElse(false));
        if (needs.reservesConnectorZero()) {
            builder.reserveConnectorZero(true);
        }
        if (needs.profileNotSupported()) {
            needs.profile().ifPresent(left -> builder.supportedProfiles(SimulatorConfig.SIMULATED_PROFILES.stream()
                    .filter(p -> p != left).collect(java.util.stream.Collectors.toUnmodifiableSet())));
        }
        needs.lowestSecurityProfile().ifPresent(profile -> secured(builder, bench, profile));
        ChargePointSimulator simulator = new ChargePointSimulator(builder.build());
        simulator.start();
        return new SimulatedStation(simulator, settings);
    }

    /**
     * A station of the security extension's cases, from the factory for its profile: the central
     * system's URL per profile, the run's password, the run's CA root from profile 2 on, the run's
     * manufacturer root, and a client certificate the run's CA signed.
     */
    private static void secured(SimulatorConfig.Builder builder, Bench bench, int profile) {
        Bench.Certificates certificates = bench.certificates();
        java.util.Map<Integer, java.net.URI> urls = new java.util.HashMap<>();
        for (io.chargecheck.centralsystem.SecurityProfile each : bench.centralSystem().securityProfiles()) {
            urls.put(each.number(), java.net.URI.create(bench.centralSystem().urlFor(each).orElseThrow()));
        }
        // its key pair, CSR and first TLS handshakes took over 10 s to switch on with a hundred runs side by side
        builder.centralSystemUrl(urls.get(profile))
                .controlTimeout(java.time.Duration.ofSeconds(30))
                .password(certificates.authorizationKey())
                .security(new io.chargecheck.simulator.SecuritySetup(profile, urls,
                        profile >= 2 ? java.util.List.of(certificates.authority().rootPem()) : java.util.List.of(),
                        java.util.List.of(certificates.manufacturer().manufacturerRootPem()),
                        certificates.authority()::signCsr, "ChargeCheck CPO"));
    }

    @Override
    public void perform(PhysicalAction action) {
        if (action instanceof PlugIn a) {
            simulator.plugIn(a.connector());
        } else if (action instanceof Unplug a) {
            simulator.unplug(a.connector());
        } else if (action instanceof PresentCard a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof PhysicalAction.PresentCardAtReservedConnector a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof PhysicalAction.PresentForeignCard a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof PresentCardWithoutCable a) {
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof EndTransaction a) {
            awaitOffline();
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof ChargeWhileOffline a) {
            awaitOffline();
            simulator.plugIn(a.connector());
            simulator.presentCard(a.connector(), a.idTag());
            simulator.presentCard(a.connector(), a.idTag());
            simulator.unplug(a.connector());
        } else if (action instanceof PhysicalAction.StartWhileOffline a) {
            awaitOffline();
            simulator.plugIn(a.connector());
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof PhysicalAction.TryToStartWhileFaulted a) {
            simulator.plugIn(a.connector());
            simulator.presentCard(a.connector(), a.idTag());
        } else if (action instanceof CauseFault a) {
            simulator.injectFault(a.connector(), ChargePointErrorCode.GroundFailure, "CC-FAULT");
        } else if (action instanceof ClearFault a) {
            simulator.clearFault(a.connector());
        } else if (action instanceof PhysicalAction.CauseStationWideFault) {
            simulator.injectStationFault(ChargePointErrorCode.OtherError, "CC-STATION-FAULT");
        } else if (action instanceof PhysicalAction.UnplugAtEv a) {
            simulator.unplugFromEv(a.connector());
        } else if (action instanceof PhysicalAction.PlugInHalfway a) {
            simulator.plugInHalfway(a.connector());
        } else if (action instanceof PhysicalAction.BlockLock a) {
            simulator.failNextUnlock(a.connector());
        } else if (action instanceof PhysicalAction.BreakLocalListStorage) {
            simulator.failLocalListStorage();
        } else if (action instanceof PhysicalAction.PowerCycle) {
            simulator.powerCycle();
        } else if (action instanceof PhysicalAction.CutPower) {
            simulator.cutPower();
        } else if (action instanceof PhysicalAction.RestorePower) {
            simulator.restorePower();
        } else if (action instanceof PhysicalAction.LoseNetwork) {
            simulator.loseNetwork();
        } else if (action instanceof PhysicalAction.RestoreNetwork) {
            simulator.regainNetwork();
        }
    }

    /**
     * An action meant for while the central system is offline waits until the simulator has seen
     * its connection close, as a person at a charger acts only once it is offline: done a moment
     * sooner, it happens online, into a connection about to go.
     */
    private void awaitOffline() {
        try {
            Waits.await("the simulator to see it is offline").atMost(settings.timeouts().message())
                    .until(() -> !simulator.isConnected());
        } catch (ConditionTimeoutException e) {
            // still connected: the case judges what follows
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
