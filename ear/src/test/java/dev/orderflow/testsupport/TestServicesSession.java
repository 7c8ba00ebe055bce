package dev.orderflow.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes sure every service is up before the first test, and so before Arquillian starts WildFly.
 */
public class TestServicesSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestServices.get().ensureRunning();
    }
}
