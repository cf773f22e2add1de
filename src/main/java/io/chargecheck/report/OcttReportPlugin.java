package io.chargecheck.report;

import io.chargecheck.report.CaseResult.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * Writes {@code octt-1.6.html}, the OCA's charge-station test cases filled in by the run, and
 * {@code octt-junit.xml}, one JUnit test case per OCA case id for CI. Register as
 * {@code io.chargecheck.report.OcttReportPlugin:reports}.
 */
public final class OcttReportPlugin extends PlanReportPlugin {

    public static final String JUNIT_FILE = "octt-junit.xml";

    public OcttReportPlugin(String outputDirectory) {
        this(Path.of(outputDirectory), CaseCatalog.defaultFeatureDirectory(), Clock.systemDefaultZone());
    }

    OcttReportPlugin(Path outputDirectory, Path featureDirectory, Clock clock) {
        super(Plan.OCTT, outputDirectory, featureDirectory, clock);
    }

    @Override
    void written(ReportModel model) throws IOException {
        Files.writeString(outputDirectory().resolve(JUNIT_FILE), junit(model), StandardCharsets.UTF_8);
    }

    /** A case that failed is a failure, one that was not applicable or not tested is skipped, with why. */
    static String junit(ReportModel model) {
        StringWriter xml = new StringWriter();
        try {
            XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(xml);
            out.writeStartDocument("UTF-8", "1.0");
            out.writeStartElement("testsuite");
            out.writeAttribute("name", "OCTT OCPP 1.6 charge station");
            out.writeAttribute("tests", String.valueOf(model.cases().size()));
            out.writeAttribute("failures", String.valueOf(model.failedCount()));
            out.writeAttribute("skipped", String.valueOf(model.notTestedCount() + model.notApplicableCount()));
            for (CaseRow row : model.cases()) {
                out.writeStartElement("testcase");
                out.writeAttribute("classname", "octt." + row.script().group());
                out.writeAttribute("name", row.number() + " " + row.script().function());
                Verdict verdict = row.result().verdict();
                if (verdict == Verdict.FAILED) {
                    out.writeStartElement("failure");
                    out.writeAttribute("message", clean(row.result().summary()));
                    out.writeEndElement();
                } else if (verdict != Verdict.OK) {
                    out.writeStartElement("skipped");
                    out.writeAttribute("message", clean(row.result().summary()));
                    out.writeEndElement();
                }
                out.writeEndElement();
            }
            out.writeEndElement();
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML of the OCA plan", e);
        }
        return xml.toString();
    }

    /** XML 1.0 cannot carry most control characters at all, escaped or not; a charger's text may hold any. */
    private static String clean(String text) {
        return text.codePoints()
                .map(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                        || c >= 0x10000 && c <= 0x10FFFF ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
