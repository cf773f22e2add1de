package io.chargecheck.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A test plan the suite can certify a charger by: its cases, how a scenario names the case it
 * belongs to, and the document the run fills in.
 */
public enum Plan {

    /** The platform's acceptance test script: 16 numbered cases, {@code features/NN-*.feature}, {@code @case-NN}. */
    SCRIPT("test-script.html", "test-script.html.mustache"),
    /** The OCA's charge-station test cases for OCPP 1.6: {@code features/octt/}, {@code @TC_001_CS}. */
    OCTT("octt-1.6.html", "octt-1.6.html.mustache");

    private static final String OCTT_CATALOGUE = "io/chargecheck/report/octt-cases.tsv";

    private final String reportFile;
    private final String template;

    Plan(String reportFile, String template) {
        this.reportFile = reportFile;
        this.template = template;
    }

    /** The file the plan's report is written to. */
    public String reportFile() {
        return reportFile;
    }

    String template() {
        return template;
    }

    /** The case a scenario or feature belongs to: "6" for {@code @case-06}, "TC_001_CS" for {@code @TC_001_CS}. */
    Optional<String> caseOf(Collection<String> tags, URI uri) {
        if (this == SCRIPT) {
            OptionalInt number = CaseNumber.of(tags, uri);
            return number.isPresent() ? Optional.of(String.valueOf(number.getAsInt())) : Optional.empty();
        }
        return tags.stream().filter(tag -> tag.matches("@TC_\\w+_CS")).map(tag -> tag.substring(1)).findFirst();
    }

    /** One case of the OCA's document: its id, profile tag, section and name. */
    record OcttCase(String id, String profile, String section, String name) {
    }

    /** The OCA's 102 charge-station cases in the document's order, whether the suite has a feature for them or not. */
    static List<OcttCase> octtCatalogue() {
        List<OcttCase> cases = new ArrayList<>();
        try (InputStream in = Plan.class.getClassLoader().getResourceAsStream(OCTT_CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OCTT_CATALOGUE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                cases.add(new OcttCase(cells[0], cells[1], cells[2], cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
