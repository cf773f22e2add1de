package io.chargecheck.filetransfer;

/**
 * A range of TCP ports, both ends included: the FTP passive data ports a firewall must let through.
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range " + first + "-" + last
                    + " is not valid: expected two ports from 1 to 65535, the first not above the last");
        }
    }

    /** Reads {@code 50000-50010} or a single port {@code 50000}. */
    public static PortRange parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int dash = trimmed.indexOf('-');
        try {
            if (dash < 0) {
                int port = Integer.parseInt(trimmed);
                return new PortRange(port, port);
            }
            return new PortRange(Integer.parseInt(trimmed.substring(0, dash).strip()),
                    Integer.parseInt(trimmed.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port range '" + trimmed + "' is not valid: expected e.g. 50000-50010");
        }
    }

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
