package io.chargecheck.suite;

import io.chargecheck.certification.Bench;
import io.chargecheck.config.Settings;
import io.chargecheck.report.ReportLayout;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A whole run of the suite as a person starts it: against the simulator, one live charger, or
 * several at once. With several, they share one bench (one central system, one file server) and
 * each runs the cases on a launch of its own, so a charger that waits for a hand holds up no other;
 * each gets its report under {@code reports/<id>/}, and the run an index.
 */
public final class CertificationRun {

    private CertificationRun() {
    }

    /** Runs the selected cases against every station of the settings; the results by charge point id. */
    public static Map<String, LaunchResult> run(Settings settings) {
        return run(settings, "");
    }

    /** With a Cucumber tag expression that selects the cases, e.g. "not @manual-step"; "" for the whole plan. */
    public static Map<String, LaunchResult> run(Settings settings, String tags) {
        ReportLayout layout = ReportLayout.of(settings.reportsDirectory(), Instant.now(), settings.chargePointIds(),
                settings.isLive() ? settings.chargePointId() : "simulator");
        Map<String, LaunchResult> results = new LinkedHashMap<>();
        if (!layout.isMultiCharger()) {
            String id = settings.chargePointId();
            results.put(id, new CertificationLaunch(id.isEmpty() ? "station" : id, settings, layout.reportDirectory(id), null,
                    tags, true, true).run());
        } else {
            try (Bench bench = Bench.start(settings, layout.runDirectory())) {
                Map<String, CompletableFuture<LaunchResult>> launches = new LinkedHashMap<>();
                for (String id : settings.chargePointIds()) {
                    Settings charger = settings.forCharger(id);
                    launches.put(id, CompletableFuture.supplyAsync(() -> new CertificationLaunch(id, charger,
                            layout.reportDirectory(id), bench, tags, true, true).run()));
                }
                launches.forEach((id, launch) -> results.put(id, launch.join()));
            }
        }
        results.keySet().forEach(id -> publishCucumberReports(layout.reportDirectory(id), layout.latestDirectory(id)));
        return results;
    }

    /** Cucumber's own reports are written at the end of a launch; CI looks for them beside the newest report. */
    private static void publishCucumberReports(Path runDirectory, Path latest) {
        try {
            for (String file : List.of("cucumber.html", "cucumber.json", "cucumber-junit.xml")) {
                ReportLayout.publish(runDirectory.resolve(file), latest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy Cucumber's reports to " + latest, e);
        }
    }
}
