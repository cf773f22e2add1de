package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCatalogTest {

    @TempDir
    Path features;

    @Test
    void everyCaseOfTheScriptHasARowInNumberOrderWithOrWithoutAFeatureFile() throws IOException {
        Files.writeString(features.resolve("04-get-configuration.feature"), "Feature: Get configuration\n  - the full list\n");
        Files.createDirectories(features.resolve("more"));
        Files.writeString(features.resolve("more/17-extra.feature"), "Feature: An extra case\n");
        Files.writeString(features.resolve("12-broken.feature"), "no Gherkin here\n");

        var cases = CaseCatalog.of(features, Map.of()).cases();

        assertThat(cases).extracting(ScriptCase::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(cases.get(3)).isEqualTo(new ScriptCase(4, "Get configuration", java.util.List.of("the full list")));
        assertThat(cases.get(16).function()).isEqualTo("An extra case");
        assertThat(cases.get(11).function()).isEqualTo("(no feature file for case 12)");
    }

    @Test
    void whatTheRunReadWinsOverTheFileOnDisk() throws IOException {
        Path onDisk = features.resolve("02-heartbeat.feature");
        Files.writeString(onDisk, "Feature: Heartbeat (old title)\n");

        var cases = CaseCatalog.of(features, Map.of(onDisk.toUri(), "Feature: Heartbeat (automatic)\n")).cases();

        assertThat(cases.get(1).function()).isEqualTo("Heartbeat (automatic)");
    }

    @Test
    void aMissingFeatureDirectoryStillGivesSixteenRows() {
        assertThat(CaseCatalog.of(features.resolve("absent"), Map.of()).cases()).hasSize(16);
    }
}
