package io.chargecheck.report;

import java.net.URI;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which numbered case of the test script a feature or scenario belongs to. A {@code @case-NN} tag
 * wins over the file name, because a tag is a deliberate statement while files get renamed.
 */
final class CaseNumber {

    private static final Pattern TAG = Pattern.compile("@case-0*(\\d{1,3})");
    private static final Pattern FILE_NAME = Pattern.compile("0*(\\d{1,3})-[^/]*\\.feature");

    private CaseNumber() {
    }

    static OptionalInt of(Collection<String> tags, URI uri) {
        OptionalInt tagged = fromTags(tags);
        return tagged.isPresent() ? tagged : fromUri(uri);
    }

    static OptionalInt fromTags(Collection<String> tags) {
        return tags.stream()
                .map(TAG::matcher)
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .findFirst();
    }

    static OptionalInt fromUri(URI uri) {
        if (uri == null) {
            return OptionalInt.empty();
        }
        String path = uri.getSchemeSpecificPart();
        String fileName = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
