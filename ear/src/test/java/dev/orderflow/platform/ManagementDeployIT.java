package dev.orderflow.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Customers.Shopper;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.ManagementApi;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator does with the admin console and the CLI, through the same management interface: the console answers
 * on the management port and never through nginx; the EAR is redeployed, undeployed and deployed again through the
 * management HTTP API (and redeployed with jboss-cli), and the application serves requests after each, with every order
 * taken before still there and the stock exact.
 */
@ExtendWith(ArquillianExtension.class)
class ManagementDeployIT {

    private static final String NAME = "orderflow.ear";
    private static final TestServices SERVICES = TestServices.get();
    private static final Path EAR = Path.of(System.getProperty("orderflow.ear", "target/orderflow.ear"));
    private static String password;
    private static ManagementApi management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    /**
     * The management user, as bin/stack creates it for its node: name admin, password generated into .stack/secrets.
     */
    @BeforeAll
    static void managementUser() throws Exception {
        String file = System.getenv("WILDFLY_ADMIN_PASSWORD_FILE");
        assertNotNull(file, "WILDFLY_ADMIN_PASSWORD_FILE is exported by `bin/stack env` (bin/test does it)");
        password = Files.readString(Path.of(file)).strip();
        // the test server's own configuration; the management realm re-reads the file at the next login
        run(System.getProperty("jboss.home") + "/bin/add-user.sh", "-sc",
                System.getProperty("it.server.base") + "/configuration", "-u", "admin", "-p", password, "-s");
        management = new ManagementApi(SERVICES.managementUrl(), "admin", password);
    }

    @Test
    void consoleAnswersOnTheManagementPortOnly() throws Exception {
        var console = Http.get(SERVICES.managementUrl() + "/console/index.html");
        assertEquals(200, console.statusCode());
        assertTrue(console.body().contains("HAL Management Console"), console.body());
        for (String path : new String[] { "/console/index.html", "/console", "/management", "/metrics" }) {
            assertEquals(404, Http.get(SERVICES.publicUrl() + path).statusCode(), "through nginx: " + path);
        }
        var anonymous = new ManagementApi(SERVICES.managementUrl(), null, null)
                .execute("{\"operation\":\"read-attribute\",\"name\":\"server-state\"}");
        assertEquals(401, anonymous.status());
        // a wrong password through curl: the JDK would cache the failed Digest credentials for this JVM
        assertEquals("401",
                curl("--digest", "-u", "admin:" + password + "x", "-H", "Content-Type: application/json", "-d",
                        "{\"operation\":\"read-attribute\",\"name\":\"server-state\"}",
                        SERVICES.managementUrl() + "/management"));
        var state = management.execute("{\"operation\":\"read-attribute\",\"name\":\"server-state\"}");
        assertTrue(state.succeeded(), state.toString());
        assertEquals("running", state.json().getString("result"));
    }

    @Test
    void redeploysUndeploysAndDeploysThroughTheManagementApiAndKeepsServing() throws Exception {
        var product = CatalogFixture.product(SERVICES, new BigDecimal("3.00"), 20);
        Shopper shopper = Customers.shopper(SERVICES);
        var orders = new ArrayList<String>();
        orders.add(placeOrder(shopper, product.id()));

        // redeploy: new content under the same name, as the console's "Replace" does
        String hash = management.upload(EAR);
        assertSucceeded(management.execute("{\"operation\":\"full-replace-deployment\",\"address\":[],\"name\":\""
                + NAME + "\",\"content\":[{\"hash\":{\"BYTES_VALUE\":\"" + hash + "\"}}],\"enabled\":true}"));
        awaitServing();
        assertEquals("OK", management.execute("{\"operation\":\"read-attribute\",\"address\":[{\"deployment\":\"" + NAME
                + "\"}],\"name\":\"status\"}").json().getString("result"));
        orders.add(placeOrder(shopper, product.id()));
        assertAllReadable(shopper, orders);

        // undeploy and remove: the application is gone from the node
        assertSucceeded(management.execute("{\"operation\":\"composite\",\"address\":[],\"steps\":["
                + "{\"operation\":\"undeploy\",\"address\":[{\"deployment\":\"" + NAME + "\"}]},"
                + "{\"operation\":\"remove\",\"address\":[{\"deployment\":\"" + NAME + "\"}]}]}"));
        assertEquals(404, Http.get(SERVICES.nodeUrl() + "/api/health/ready").statusCode());
        assertNotEquals(200, Http.get(SERVICES.publicUrl() + "/api/products").statusCode());

        // deploy it again: upload, add, enable
        hash = management.upload(EAR);
        assertSucceeded(management.execute("{\"operation\":\"add\",\"address\":[{\"deployment\":\"" + NAME
                + "\"}],\"content\":[{\"hash\":{\"BYTES_VALUE\":\"" + hash + "\"}}],\"enabled\":true}"));
        awaitServing();
        orders.add(placeOrder(shopper, product.id()));
        assertAllReadable(shopper, orders);

        // and the README's CLI redeploy
        run(System.getProperty("jboss.home") + "/bin/jboss-cli.sh", "--connect",
                "--controller=remote+http://127.0.0.1:" + TestServices.env("IT_MANAGEMENT_PORT", "10090"),
                "--user=admin", "--password=" + password, "--command=deploy " + EAR.toAbsolutePath() + " --force");
        awaitServing();
        orders.add(placeOrder(shopper, product.id()));
        assertAllReadable(shopper, orders);
        assertEquals(20 - orders.size(), CatalogFixture.totalStock(SERVICES, product.id()));
        assertNoClusteringBundlerSpins();
    }

    /**
     * After the redeploys above restarted the clustering channel, its JGroups bundler thread waits for messages. With
     * JGroups 5.5's per-destination bundler it spun instead, burning a whole core until the server stopped
     * (server-config/src/main/cli/clustering.cli); here it may use at most a fifth of the 3 s watched.
     */
    private static void assertNoClusteringBundlerSpins() throws InterruptedException {
        var threads = management.execute("{\"operation\":\"dump-all-threads\",\"address\":" + THREADING
                + ",\"locked-monitors\":false,\"locked-synchronizers\":false}");
        assertSucceeded(threads);
        List<Long> bundlers = threads.json().getJsonArray("result").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("thread-name").toLowerCase(Locale.ROOT).contains("bundler"))
                .map(t -> t.getJsonNumber("thread-id").longValue()).toList();
        assertFalse(bundlers.isEmpty(), "the clustering channel runs a bundler thread: " + threads);
        long before = cpuNanos(bundlers);
        Thread.sleep(3_000);
        long used = cpuNanos(bundlers) - before;
        assertTrue(used < 600_000_000L, "bundler threads used " + used / 1_000_000 + " ms of CPU in 3 s while idle");
    }

    private static final String THREADING = "[{\"core-service\":\"platform-mbean\"},{\"type\":\"threading\"}]";

    private static long cpuNanos(List<Long> threadIds) {
        long total = 0;
        for (long id : threadIds) {
            var answer = management
                    .execute("{\"operation\":\"get-thread-cpu-time\",\"address\":" + THREADING + ",\"id\":" + id + "}");
            assertSucceeded(answer);
            total += Math.max(0, answer.json().getJsonNumber("result").longValue());
        }
        return total;
    }

    private static String placeOrder(Shopper shopper, UUID productId) {
        var response = Checkouts.place(SERVICES, shopper.token(), UUID.randomUUID().toString(),
                Checkouts.body(shopper.addressId(), productId, 1));
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getString("id");
    }

    private static void assertAllReadable(Shopper shopper, List<String> orders) {
        for (String id : orders) {
            var response = Http.send("GET", SERVICES.publicUrl() + "/api/orders/" + id, null, shopper.token());
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    private static void awaitServing() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(SERVICES.publicUrl() + "/api/health/ready").statusCode() == 200);
    }

    private static void assertSucceeded(ManagementApi.Answer answer) {
        assertTrue(answer.succeeded(), answer.toString());
    }

    /** curl's status code for a request. */
    private static String curl(String... arguments) throws Exception {
        var command = new ArrayList<String>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        String status = new String(process.getInputStream().readAllBytes()).strip();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        return status;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + command[0]);
        assertEquals(0, process.exitValue(), command[0] + ": " + output);
    }
}
