package io.chargecheck.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Turns the model into the one self-contained HTML file. Everything from the run is HTML-escaped by
 * the template; as a second line of defence the page's Content-Security-Policy lets only the
 * report's own script run, named by its hash.
 */
final class ReportRenderer {

    private static final String TEMPLATES = "io/chargecheck/report";
    private static final DefaultMustacheFactory TEMPLATE_FACTORY = new DefaultMustacheFactory(TEMPLATES);
    private static final String SCRIPT = resource("report.js");
    private static final String SCRIPT_HASH = "sha256-" + sha256Base64(SCRIPT);

    /** The page's own assets, which the template inserts next to the model. */
    record Assets(String script, String scriptHash) {
    }

    private final Mustache template;

    ReportRenderer() {
        this(Plan.SCRIPT.template());
    }

    ReportRenderer(String template) {
        this.template = TEMPLATE_FACTORY.compile(template); // the factory keeps what it compiled
    }

    String render(ReportModel model) {
        StringWriter html = new StringWriter();
        template.execute(html, new Object[] {new Assets(SCRIPT, SCRIPT_HASH), model});
        return html.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(TEMPLATES + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TEMPLATES + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return Base64.getEncoder().encodeToString(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
