package io.chargecheck.report;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every case of the test script, whether this run selected it or not: the document always has
 * the script's 16 rows, plus any further numbered feature.
 */
final class CaseCatalog {

    static final int SCRIPT_CASES = 16;
    static final String FEATURES_PROPERTY = "chargecheck.features";

    private static final Logger LOG = LoggerFactory.getLogger(CaseCatalog.class);

    private final FeatureParser parser = new FeatureParser();
    private final Map<Integer, ScriptCase> byNumber = new TreeMap<>();

    /** Where the feature files are when nobody says otherwise: {@code features/} of the working directory. */
    static Path defaultFeatureDirectory() {
        return Path.of(System.getProperty(FEATURES_PROPERTY, "features"));
    }

    /** Reads the feature files on disk, then the sources this run read, which win where both exist. */
    static CaseCatalog of(Path featureDirectory, Map<URI, String> sourcesRead) {
        CaseCatalog catalog = new CaseCatalog();
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
        parser.parse(uri, source).ifPresent(c -> byNumber.put(c.number(), c));
    }

    /** Cases 1 to 16 and any other numbered feature, in number order. */
    List<ScriptCase> cases() {
        return IntStream.concat(IntStream.rangeClosed(1, SCRIPT_CASES), byNumber.keySet().stream().mapToInt(n -> n))
                .distinct()
                .sorted()
                .mapToObj(n -> byNumber.getOrDefault(n, ScriptCase.withoutFeature(n)))
                .toList();
    }
}
