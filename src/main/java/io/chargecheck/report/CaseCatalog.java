package io.chargecheck.report;

import io.chargecheck.report.Plan.OcttCase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every case of a plan, whether this run selected it or not: the platform's script always has its
 * 16 rows (plus any further numbered feature), the OCA's plan its 102 cases in the document's order.
 */
final class CaseCatalog {

    static final int SCRIPT_CASES = 16;
    static final String FEATURES_PROPERTY = "chargecheck.features";

    private static final Logger LOG = LoggerFactory.getLogger(CaseCatalog.class);

    private final Plan plan;
    private final FeatureParser parser = new FeatureParser();
    private final Map<String, ScriptCase> byId = new LinkedHashMap<>();

    private CaseCatalog(Plan plan) {
        this.plan = plan;
    }

    /** Where the feature files are when nobody says otherwise: {@code features/} of the working directory. */
    static Path defaultFeatureDirectory() {
        return Path.of(System.getProperty(FEATURES_PROPERTY, "features"));
    }

    static CaseCatalog of(Path featureDirectory, Map<URI, String> sourcesRead) {
        return of(Plan.SCRIPT, featureDirectory, sourcesRead);
    }

    /** Reads the feature files on disk, then the sources this run read, which win where both exist. */
    static CaseCatalog of(Plan plan, Path featureDirectory, Map<URI, String> sourcesRead) {
        CaseCatalog catalog = new CaseCatalog(plan);
        catalog.addDirectory(featureDirectory);
        sourcesRead.forEach(catalog::add);
        return catalog;
    }

    private void addDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.warn("No feature directory at {}: cases that did not run have no criteria in the report",
                    directory.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(f -> f.toString().endsWith(".feature")).sorted().forEach(this::addFile);
        } catch (IOException e) {
            LOG.warn("Could not list the feature files in {}: {}", directory.toAbsolutePath(), e.toString());
        }
    }

    private void addFile(Path file) {
        try {
            add(file.toUri(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Could not read feature file {}: {}", file, e.toString());
        }
    }

    private void add(URI uri, String source) {
        parser.parse(plan, uri, source).ifPresent(c -> byId.put(c.id(), c));
    }

    /** The plan's cases in its own order: the script's by number, the OCA's as its document has them. */
    List<ScriptCase> cases() {
        if (plan == Plan.SCRIPT) {
            Map<Integer, ScriptCase> byNumber = new TreeMap<>();
            byId.values().forEach(c -> byNumber.put(Integer.parseInt(c.id()), c));
            return IntStream.concat(IntStream.rangeClosed(1, SCRIPT_CASES), byNumber.keySet().stream().mapToInt(n -> n))
                    .distinct()
                    .sorted()
                    .mapToObj(n -> byNumber.getOrDefault(n, ScriptCase.withoutFeature(String.valueOf(n),
                            "(no feature file for case " + n + ")", "")))
                    .toList();
        }
        List<ScriptCase> cases = new ArrayList<>();
        Map<String, ScriptCase> unlisted = new LinkedHashMap<>(byId);
        for (OcttCase known : Plan.octtCatalogue()) {
            ScriptCase described = unlisted.remove(known.id());
            cases.add(described == null ? ScriptCase.withoutFeature(known.id(), known.name(), known.profile())
                    : new ScriptCase(known.id(), described.function(), known.profile(), described.criteria()));
        }
        cases.addAll(unlisted.values());
        return cases;
    }
}
