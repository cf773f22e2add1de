package io.chargecheck.steps;

import io.chargecheck.certification.Aftercare;
import io.chargecheck.certification.BootCheck;
import io.chargecheck.certification.CaseNeeds;
import io.chargecheck.certification.Commands;
import io.chargecheck.certification.ConfigurationAudit;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.DiagnosticsUpload;
import io.chargecheck.certification.Evidence;
import io.chargecheck.certification.Faults;
import io.chargecheck.certification.FirmwareUpdate;
import io.chargecheck.certification.Heartbeats;
import io.chargecheck.certification.MeterReadings;
import io.chargecheck.certification.Observations;
import io.chargecheck.certification.OfflineStart;
import io.chargecheck.certification.OfflineTransactions;
import io.chargecheck.certification.Platform;
import io.chargecheck.certification.Resets;
import io.chargecheck.certification.Scene;
import io.chargecheck.certification.Station;
import io.chargecheck.certification.Statuses;
import io.chargecheck.certification.Transactions;
import io.chargecheck.certification.Triggers;
import io.chargecheck.config.Settings;
import io.chargecheck.report.ReportAttachments;
import io.cucumber.java.Scenario;
import io.chargecheck.centralsystem.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one scenario works with, made fresh by Cucumber's dependency injection for every
 * scenario and shared by its step classes. It is filled in when the scenario begins, because only
 * then is its station known (on the simulator, a station of its own).
 */
public final class World {

    static final String OBSERVATION = ReportAttachments.OBSERVATION;
    private static final Logger LOG = LoggerFactory.getLogger("case");

    private final Run run = Run.current();
    private Scenario scenario;
    private boolean ownStation;
    CaseNeeds needs;

    Station station;
    Evidence evidence;
    Scene scene;
    Platform platform;
    Context context;
    Statuses statuses;
    Transactions transactions;
    Commands commands;
    BootCheck boot;
    Heartbeats heartbeats;
    Triggers triggers;
    ConfigurationAudit configuration;
    MeterReadings meter;
    Resets resets;
    Faults faults;
    FirmwareUpdate firmware;
    DiagnosticsUpload diagnostics;
    OfflineTransactions offline;
    OfflineStart offlineStart;
    Aftercare aftercare;

    void begin(Scenario scenario) {
        this.scenario = scenario;
        ownStation = run.stationPerScenario();
        needs = CaseNeeds.of(scenario.getSourceTagNames());
        station = run.stationFor(ScenarioLabel.of(scenario), needs);
        station.scenarioBegins();
        evidence = station.evidence();
        scene = new Scene(evidence.mark());
        platform = new Platform(station.bench().centralSystem(), station::id, station.settings().timeouts().call(), scene);
        context = new Context(station, platform, evidence, scene, new Observations() {
            @Override
            public void note(String observation) {
                attach(observation, OBSERVATION, "observation");
            }

            @Override
            public void nonConformance(String finding) {
                attach(finding, ReportAttachments.NON_CONFORMANCE, "not as OCPP 1.6 requires");
            }
        });
        statuses = new Statuses(context);
        transactions = new Transactions(context, statuses);
        commands = new Commands(context);
        boot = new BootCheck(context);
        heartbeats = new Heartbeats(context);
        triggers = new Triggers(context);
        configuration = new ConfigurationAudit(context);
        meter = new MeterReadings(context);
        resets = new Resets(context);
        faults = new Faults(context, statuses);
        firmware = new FirmwareUpdate(context);
        diagnostics = new DiagnosticsUpload(context);
        offline = new OfflineTransactions(context);
        offlineStart = new OfflineStart(context, transactions);
        aftercare = new Aftercare(context, transactions, statuses);
        run.active(this);
    }

    void end() {
        if (station == null) {
            return; // the scenario never got a station: its first failure says why
        }
        // what the central system answered this station during the case (a Rejected boot) ends with it
        station.bench().centralSystem().responders().forget(station.id());
        try {
            if (ownStation) {
                station.close(); // nothing of it outlives the scenario, so nothing needs putting back
            } else {
                aftercare.restore();
            }
        } finally {
            run.inactive(this);
        }
    }

    /**
     * Frames of the station that broke the protocol during the scenario are in the report's row
     * whatever happens; with chargecheck.strict they fail the scenario, and in the OCA's plan,
     * whose every case requires every message to be valid OCPP 1.6, always.
     */
    void judgeProtocolViolations() {
        if (station == null || !(settings().strict() || needs.isOcttCase())) {
            return;
        }
        List<String> problems = evidence.problems(scene.start).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN)
                .map(e -> (e.action() == null ? "a frame" : e.action().name()) + ": " + e.problem())
                .toList();
        if (problems.isEmpty()) {
            return;
        }
        String violations = problems.size() + (problems.size() == 1 ? " protocol violation: " : " protocol violations: ")
                + String.join("; ", problems);
        if (needs.isOcttCase()) {
            throw new AssertionError("expected every message of the station to be valid OCPP 1.6, as the OCA's plan requires; "
                    + violations, null);
        }
        context.nonConformance(violations);
    }

    /** What Ctrl-C can still do for an interrupted scenario: put back the keys it changed. */
    void restoreConfigurationOnly() {
        if (platform != null) {
            platform.restoreConfiguration();
        }
    }

    Settings settings() {
        return station.settings();
    }

    private void attach(String text, String mediaType, String name) {
        LOG.info("{}: {}", name, text);
        if (scenario != null) {
            scenario.attach(text.getBytes(StandardCharsets.UTF_8), mediaType, name);
        }
    }

    Scenario scenario() {
        return scenario;
    }

    String scenarioName() {
        return scenario == null ? "?" : scenario.getName();
    }
}
