package io.chargecheck.report;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a case's Function and acceptance criteria from its feature file.
 *
 * <p>Cucumber's own Gherkin parser rather than a line scanner: it already knows where a description
 * ends (tags, Background, Rule, Scenario in any of Gherkin's languages) and drops {@code #}
 * comments, and it keeps each description line's indentation, which is all the bullet format needs.
 */
final class FeatureParser {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureParser.class);
    private static final String BULLET = "- ";

    private final GherkinParser gherkin = GherkinParser.builder()
            .includeSource(false)
            .includePickles(false)
            .build();

    Optional<ScriptCase> parse(URI uri, String source) {
        return parse(Plan.SCRIPT, uri, source);
    }

    Optional<ScriptCase> parse(Plan plan, URI uri, String source) {
        Optional<Feature> feature = documentOf(uri, source);
        if (feature.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = plan.caseOf(tagsOf(feature.get()), uri);
        if (id.isEmpty()) {
            LOG.debug("{} is not a case of the plan {}", uri, plan);
            return Optional.empty();
        }
        return Optional.of(new ScriptCase(id.get(), feature.get().getName().strip(), "",
                criteria(feature.get().getDescription())));
    }

    private Optional<Feature> documentOf(URI uri, String source) {
        List<Envelope> envelopes = gherkin.parse(uri.toString(), source.getBytes(StandardCharsets.UTF_8)).toList();
        envelopes.stream().flatMap(e -> e.getParseError().stream()).findFirst().ifPresent(error ->
                LOG.warn("Feature file {} does not parse and gives its case no title or criteria: {}", uri,
                        error.getMessage()));
        return envelopes.stream()
                .flatMap(e -> e.getGherkinDocument().stream())
                .flatMap(d -> d.getFeature().stream())
                .findFirst();
    }

    /** The feature's own tags first, then its scenarios', so either place may carry {@code @case-NN}. */
    private static List<String> tagsOf(Feature feature) {
        Stream<Tag> scenarioTags = feature.getChildren().stream()
                .flatMap(child -> child.getScenario().stream())
                .flatMap(scenario -> scenario.getTags().stream());
        return Stream.concat(feature.getTags().stream(), scenarioTags).map(Tag::getName).toList();
    }

    /**
     * Lines starting with "- " open a bullet; a line indented deeper than its bullet continues it;
     * anything else, a blank line included, ends the bullet and is not part of the criteria.
     */
    static List<String> criteria(String description) {
        List<String> bullets = new ArrayList<>();
        StringBuilder current = null;
        int bulletIndent = 0;
        for (String line : description == null ? List.<String>of() : description.lines().toList()) {
            String text = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (text.startsWith(BULLET)) {
                flush(current, bullets);
                current = new StringBuilder(text.substring(BULLET.length()).strip());
                bulletIndent = indent;
            } else if (current != null && !text.isEmpty() && indent > bulletIndent) {
                current.append(' ').append(text);
            } else {
                flush(current, bullets);
                current = null;
            }
        }
        flush(current, bullets);
        return bullets;
    }

    private static void flush(StringBuilder bullet, List<String> bullets) {
        if (bullet != null && !bullet.isEmpty()) {
            bullets.add(bullet.toString());
        }
    }
}
