package io.chargecheck.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The written test-script.html as a browser would parse it, with the questions the tests ask of it. */
record ReportPage(Document document) {

    static ReportPage read(Path file) throws IOException {
        return new ReportPage(Jsoup.parse(file.toFile()));
    }

    String title() {
        return document.title();
    }

    List<Integer> rowNumbers() {
        return document.select("#script tbody tr td.num").eachText().stream().map(Integer::valueOf).toList();
    }

    String result(int number) {
        return row(number).selectFirst("td.result").text();
    }

    String function(int number) {
        return row(number).selectFirst("td.function").text();
    }

    List<String> criteria(int number) {
        return row(number).select("td.criteria li").eachText();
    }

    Element section(int number) {
        return document.getElementById("case-" + number);
    }

    String identity(String ocppName) {
        return document.selectFirst("#identity [data-field=" + ocppName + "]").text();
    }

    String fact(String label) {
        return document.select("#run dt").stream().filter(dt -> dt.text().equals(label)).findFirst()
                .map(dt -> dt.nextElementSibling().text()).orElseThrow();
    }

    List<String> notes() {
        return document.select("#notes p").eachText();
    }

    private Element row(int number) {
        return document.getElementById("row-" + number);
    }
}
