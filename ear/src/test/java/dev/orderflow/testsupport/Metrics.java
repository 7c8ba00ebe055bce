package dev.orderflow.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series from the node's Prometheus text (/ops/metrics, not exposed through nginx). */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name} whose labels include {@code label} (e.g. group="payment"), or NaN if absent. */
    public static double value(TestServices services, String name, String label) {
        return value(services.nodeUrl(), name, label);
    }

    /**
     * A counter summed over the node under test and the stack's own node, if that one runs: consumers of one group
     * share the partitions between them.
     */
    public static double sumOverNodes(TestServices services, String name, String label) {
        double sum = orZero(value(services.nodeUrl(), name, label));
        try {
            sum += orZero(value("http://127.0.0.1:" + TestServices.env("HTTP_PORT", "8080"), name, label));
        } catch (RuntimeException e) {
            // the stack's node is not running
        }
        return sum;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static double value(String nodeUrl, String name, String label) {
        String text = Http.get(nodeUrl + "/ops/metrics").body();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        while (m.find()) {
            if (label == null || m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}
