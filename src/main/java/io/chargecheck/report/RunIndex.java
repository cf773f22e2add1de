package io.chargecheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code index.html} of a run with several chargers: one line per charger with its counts and a
 * link to its report. Each charger's report leaves a {@code summary.json} beside itself, and
 * whichever report is written last (at the end of the run, or on Ctrl-C) writes the index anew,
 * so it always lists what has been reported.
 */
final class RunIndex {

    /** One per plan a charger's run reports on. */
    static String summaryFile(Plan plan) {
        return "summary-" + plan.name().toLowerCase(java.util.Locale.ROOT) + ".json";
    }
    static final String INDEX_FILE = "index.html";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/chargecheck/report").compile("index.html.mustache");

    /** One charger's line. */
    record Line(String station, String link, long ok, long failed, long notTested, String model) {
        String verdict() {
            return failed > 0 ? "failed" : notTested > 0 ? "not-tested" : "ok";
        }
    }

    record Page(String title, List<Line> lines) {
    }

    private RunIndex() {
    }

    static void writeSummary(Path reportDirectory, Plan plan, String station, ReportModel model) throws IOException {
        ObjectNode summary = JSON.createObjectNode()
                .put("station", station)
                .put("report", plan.reportFile())
                .put("title", model.title())
                .put("ok", model.okCount())
                .put("failed", model.failedCount())
                .put("notTested", model.notTestedCount())
                .put("model", model.identity() == null ? null : model.identity().fields().stream()
                        .filter(f -> f.ocppName().equals("chargePointModel")).map(StationIdentity.Field::value)
                        .findFirst().orElse(null));
        Files.writeString(reportDirectory.resolve(summaryFile(plan)), summary.toString(), StandardCharsets.UTF_8);
    }

    /** Writes the index of the run whose chargers' reports are the subdirectories of {@code runDirectory}. */
    static synchronized void write(Path runDirectory, Path latestDirectory) throws IOException {
        List<Line> lines = new ArrayList<>();
        String title = "ChargeCheck run";
        try (Stream<Path> chargers = Files.list(runDirectory)) {
            List<Path> summaries = chargers.filter(Files::isDirectory).sorted()
                    .flatMap(d -> java.util.Arrays.stream(Plan.values()).map(p -> d.resolve(summaryFile(p))))
                    .filter(Files::isRegularFile).toList();
            for (Path summary : summaries) {
                JsonNode node = JSON.readTree(summary.toFile());
                title = node.path("title").asText(title);
                lines.add(new Line(node.path("station").asText(), summary.getParent().getFileName() + "/"
                        + node.path("report").asText(), node.path("ok").asLong(), node.path("failed").asLong(),
                        node.path("notTested").asLong(), node.path("model").isTextual() ? node.path("model").asText() : null));
            }
        }
        StringWriter html = new StringWriter();
        TEMPLATE.execute(html, new Page(title, lines));
        for (Path directory : List.of(runDirectory, latestDirectory)) {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(INDEX_FILE), html.toString(), StandardCharsets.UTF_8);
        }
    }
}
