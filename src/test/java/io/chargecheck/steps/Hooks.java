package io.chargecheck.steps;

import io.chargecheck.certification.Applicability;
import io.chargecheck.config.Version;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.report.ReportAttachments;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Around every scenario: tell the report what runs where, and leave the station as it was found. */
public class Hooks {

    static final String RUN_INFO = ReportAttachments.RUN_INFO;
    private static final Logger LOG = LoggerFactory.getLogger("case");

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        LOG.info("--- {} ({})", scenario.getName(), String.join(" ", scenario.getSourceTagNames()));
        world.begin(scenario);
        scenario.attach(runInfo().getBytes(StandardCharsets.UTF_8), RUN_INFO, "run");
        scenario.attach(world.station.id().getBytes(StandardCharsets.UTF_8), ReportAttachments.STATION, "station");
    }

    /** A case of the OCA's plan runs only where it applies, as the OCA decides it. */
    @Before(value = "@octt", order = 1)
    public void onlyWhereItApplies() {
        new Applicability(world.context).check(world.needs);
    }

    @After(order = 0)
    public void restoreStation(Scenario scenario) {
        try {
            world.judgeProtocolViolations();
        } finally {
            world.end();
            LOG.info("--- {}: {}", scenario.getName(), scenario.getStatus());
        }
    }

    private String runInfo() {
        Run run = Run.current();
        var settings = run.settings();
        String url = run.stationPerScenario()
                ? world.station.bench().stationUrl(settings.chargePointId() + "-* (a simulated station per scenario)")
                : world.station.bench().stationUrl(world.station.id());
        return OcppJson.mapper().createObjectNode()
                .put("platform", settings.platform())
                .put("station", settings.isLive() ? "live" : "simulator")
                .put("stationUrl", url)
                .put("strict", settings.strict())
                .put("suiteVersion", Version.current())
                .toString();
    }
}
