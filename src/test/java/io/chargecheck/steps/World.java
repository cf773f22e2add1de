package io.chargecheck.steps;

import io.chargecheck.certification.Aftercare;
import io.chargecheck.certification.BootCheck;
import io.chargecheck.certification.Bench;
import io.chargecheck.certification.Commands;
import io.chargecheck.certification.ConfigurationAudit;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.DiagnosticsUpload;
import io.chargecheck.certification.Evidence;
import io.chargecheck.certification.Faults;
import io.chargecheck.certification.FirmwareUpdate;
import io.chargecheck.certification.Heartbeats;
import io.chargecheck.certification.MeterReadings;
import io.chargecheck.certification.OfflineTransactions;
import io.chargecheck.certification.Platform;
import io.chargecheck.certification.Resets;
import io.chargecheck.certification.Scene;
import io.chargecheck.certification.Statuses;
import io.chargecheck.certification.Transactions;
import io.chargecheck.certification.Triggers;
import io.chargecheck.report.ReportAttachments;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one scenario works with, made fresh by Cucumber's dependency injection for every
 * scenario and shared by its step classes.
 */
public final class World {

    static final String OBSERVATION = ReportAttachments.OBSERVATION;
    private static final Logger LOG = LoggerFactory.getLogger("case");

    final Bench bench = Run.bench();
    final Evidence evidence = bench.evidence();
    final Scene scene = new Scene(evidence.mark());
    final Platform platform = new Platform(bench.centralSystem(), bench::chargePointId, bench.settings().timeouts().call(), scene);
    private Scenario scenario;
    final Context context = new Context(bench, platform, evidence, scene, this::observe);

    final Statuses statuses = new Statuses(context);
    final Transactions transactions = new Transactions(context, statuses);
    final Commands commands = new Commands(context);
    final BootCheck boot = new BootCheck(context);
    final Heartbeats heartbeats = new Heartbeats(context);
    final Triggers triggers = new Triggers(context);
    final ConfigurationAudit configuration = new ConfigurationAudit(context);
    final MeterReadings meter = new MeterReadings(context);
    final Resets resets = new Resets(context);
    final Faults faults = new Faults(context, statuses);
    final FirmwareUpdate firmware = new FirmwareUpdate(context);
    final DiagnosticsUpload diagnostics = new DiagnosticsUpload(context);
    final OfflineTransactions offline = new OfflineTransactions(context);
    final Aftercare aftercare = new Aftercare(context, transactions, statuses);

    void begin(Scenario scenario) {
        this.scenario = scenario;
        Run.active(this);
    }

    void end() {
        aftercare.restore();
        Run.inactive(this);
    }

    private void observe(String observation) {
        LOG.info("observed: {}", observation);
        if (scenario != null) {
            scenario.attach(observation.getBytes(StandardCharsets.UTF_8), OBSERVATION, "observation");
        }
    }

    Scenario scenario() {
        return scenario;
    }
}
