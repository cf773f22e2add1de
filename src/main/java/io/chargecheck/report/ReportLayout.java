package io.chargecheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a run's files go. Every run keeps a directory of its own under {@code <reports>/runs/}, so
 * a run that stopped early never overwrites the report of the one before; the newest run's files
 * are also copied where a person looks first:
 * <pre>
 * one charger (or the simulator)      several chargers
 * reports/runs/&lt;time&gt;-&lt;id&gt;/             reports/runs/&lt;time&gt;/ocpp-trace.jsonl   (one trace, every charger)
 *   test-script.html, ocpp-trace.jsonl  reports/runs/&lt;time&gt;/&lt;id&gt;/test-script.html, ocpp-trace.jsonl (its own)
 * reports/test-script.html (newest)    reports/&lt;id&gt;/test-script.html (newest), reports/index.html
 * </pre>
 */
public record ReportLayout(Path reports, String runName, List<String> chargers) {

    public static final String RUNS = "runs";
    public static final String TRACE_FILE = "ocpp-trace.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());
    /** What may stand in a directory name of all the characters a charge point id can hold. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    public ReportLayout {
        chargers = List.copyOf(chargers);
    }

    /** The layout of a run starting now, for these chargers (one id, or none for "any" or the simulator). */
    public static ReportLayout of(Path reports, Instant start, List<String> chargers, String label) {
        String time = RUN_TIME.format(start);
        return new ReportLayout(reports, chargers.size() > 1 ? time : time + "-" + safe(label), chargers);
    }

    public boolean isMultiCharger() {
        return chargers.size() > 1;
    }

    /** The directory of this run: the trace of the central system goes here. */
    public Path runDirectory() {
        return reports.resolve(RUNS).resolve(runName);
    }

    /** Where one charger's report of this run is written. */
    public Path reportDirectory(String chargePointId) {
        return isMultiCharger() ? runDirectory().resolve(safe(chargePointId)) : runDirectory();
    }

    /** Where the newest report of one charger is copied to. */
    public Path latestDirectory(String chargePointId) {
        return isMultiCharger() ? reports.resolve(safe(chargePointId)) : reports;
    }

    /** A charge point id as a directory name: what a file system cannot hold becomes '_'. */
    public static String safe(String text) {
        String safe = UNSAFE.matcher(text == null || text.isBlank() ? "station" : text).replaceAll("_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /**
     * The trace a report directory's report reads: its own, or, for a charger of a run with
     * several, the run's (from which the report then writes its charger's part beside itself).
     */
    static Path traceFor(Path reportDirectory) {
        Path own = reportDirectory.resolve(TRACE_FILE);
        if (Files.exists(own) || reportDirectory.getParent() == null) {
            return own;
        }
        Path shared = reportDirectory.getParent().resolve(TRACE_FILE);
        return Files.exists(shared) ? shared : own;
    }

    /**
     * Where the files of a report directory under {@code <reports>/runs/} are also published as the
     * newest: {@code runs/<run>} to {@code <reports>}, {@code runs/<run>/<id>} to {@code <reports>/<id>}.
     * Empty for a directory elsewhere (the self-test's runs).
     */
    static Optional<Path> latestFor(Path reportDirectory) {
        Path absolute = reportDirectory.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(RUNS)) {
            return Optional.ofNullable(parent.getParent());
        }
        Path grandParent = parent == null ? null : parent.getParent();
        if (grandParent != null && grandParent.getFileName() != null && grandParent.getFileName().toString().equals(RUNS)) {
            return Optional.ofNullable(grandParent.getParent()).map(r -> r.resolve(absolute.getFileName()));
        }
        return Optional.empty();
    }

    /** The lines of a run's trace that are of these stations, written to {@code target}. */
    static void extractTrace(Path sharedTrace, Collection<String> stations, Path target) throws IOException {
        List<String> own = new ArrayList<>();
        for (String line : Files.readAllLines(sharedTrace, StandardCharsets.UTF_8)) {
            try {
                JsonNode station = JSON.readTree(line).path("station");
                if (station.isTextual() && stations.contains(station.asText())) {
                    own.add(line);
                }
            } catch (JsonProcessingException unreadable) {
                // the report of the run says how many lines it could not read; this part leaves them out
            }
        }
        Files.write(target, own, StandardCharsets.UTF_8);
    }

    /** Copies a file beside the newest ones, atomically, so nobody opens half a file. */
    public static void publish(Path file, Path latestDirectory) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Files.createDirectories(latestDirectory);
        Path target = latestDirectory.resolve(file.getFileName());
        Path partial = latestDirectory.resolve(file.getFileName() + ".partial");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
