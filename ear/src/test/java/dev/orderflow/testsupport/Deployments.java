package dev.orderflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR the build produced, exactly as it is deployed in production. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive orderflowEar() {
        var ear = new File(System.getProperty("orderflow.ear", "target/orderflow.ear"));
        return ShrinkWrap.create(ZipImporter.class, "orderflow.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /**
     * The EAR plus a test.war holding the given test classes, for tests that run inside the server: Arquillian's
     * servlet protocol runs them in the WAR named test.war.
     */
    public static EnterpriseArchive orderflowEarWithTests(Class<?>... testClasses) {
        EnterpriseArchive ear = orderflowEar();
        ear.addAsModule(
                Testable.archiveToTest(ShrinkWrap.create(WebArchive.class, "test.war").addClasses(testClasses)));
        var descriptor = ear.get("META-INF/application.xml");
        String xml;
        try (var in = descriptor.getAsset().openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String testModule = "<module><web><web-uri>test.war</web-uri><context-root>/test</context-root></web></module>";
        ear.setApplicationXML(new StringAsset(xml.replace("</application>", testModule + "</application>")));
        return ear;
    }
}
