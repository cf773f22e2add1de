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

        assertThat(cases).extracting(ScriptCase::id)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17");
        assertThat(cases.get(3)).isEqualTo(new ScriptCase("4", "Get configuration", "", java.util.List.of("the full list")));
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
    void theOcaPlanHasItsHundredAndTwoCasesInTheDocumentsOrderWithTheirProfile() throws IOException {
        Files.createDirectories(features.resolve("octt"));
        Files.writeString(features.resolve("octt/TC_003_CS-plugin-first.feature"), "@octt @TC_003_CS @core\n"
                + "Feature: Regular charging session, cable first\n  - the first StatusNotification is Preparing\n");

        var cases = CaseCatalog.of(Plan.OCTT, features, Map.of()).cases();

        assertThat(cases).hasSize(102);
        assertThat(cases.get(0)).isEqualTo(new ScriptCase("TC_001_CS", "Cold Boot Charge Point", "core", java.util.List.of()));
        assertThat(cases.get(2)).isEqualTo(new ScriptCase("TC_003_CS", "Regular charging session, cable first", "core",
                java.util.List.of("the first StatusNotification is Preparing")));
        assertThat(cases.get(5).id()).as("the document's order, not the ids'").isEqualTo("TC_068_CS");
        assertThat(cases.get(cases.size() - 1)).extracting(ScriptCase::id, ScriptCase::group)
                .containsExactly("TC_087_CS", "security");
    }

    @Test
    void aMissingFeatureDirectoryStillGivesSixteenRows() {
        assertThat(CaseCatalog.of(features.resolve("absent"), Map.of()).cases()).hasSize(16);
    }
}
