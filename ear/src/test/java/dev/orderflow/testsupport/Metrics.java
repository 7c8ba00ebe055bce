package dev.orderflow.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series from the node's Prometheus text (/ops/metrics, not exposed through nginx). */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name} whose labels include {@code label} (e.g. group="payment"), or NaN if absent. */
    public static double value(TestServices services, String name, String label) {
        String text = Http.get(services.nodeUrl() + "/ops/metrics").body();
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
