package dev.orderflow.order;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.CatalogFixture;
import dev.orderflow.testsupport.Checkouts;
import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Customers.Shopper;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two application nodes on the same databases (the Arquillian node and the stack's node, each behind its own nginx
 * listener): requests racing on different nodes still never oversell and place one order per key.
 */
@ExtendWith(ArquillianExtension.class)
class MultiNodeCheckoutIT {

    private static final TestServices SERVICES = TestServices.get();
    private static boolean startedSecondNode;
    private static ExecutorService pool;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @BeforeAll
    static void secondNode() {
        startedSecondNode = SERVICES.ensureSecondNode();
        pool = Executors.newFixedThreadPool(24);
    }

    @AfterAll
    static void stopSecondNode() {
        pool.shutdownNow();
        if (startedSecondNode) {
            SERVICES.stopSecondNode();
        }
    }

    private static String node(int i) {
        return i % 2 == 0 ? SERVICES.publicUrl() : SERVICES.secondNodePublicUrl();
    }

    @Test
    void placesOneOrderForOneKeyRacingOnTwoNodes() throws Exception {
        var product = CatalogFixture.product(SERVICES, new BigDecimal("4.00"), 10);
        Shopper shopper = Customers.shopper(SERVICES);
        String key = "two-nodes-" + UUID.randomUUID();
        String body = Checkouts.body(shopper.addressId(), product.id(), 1);

        List<HttpResponse<String>> responses = race(20, i -> Checkouts.place(node(i), shopper.token(), key, body));

        var orders = new HashSet<String>();
        for (var response : responses) {
            assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
            orders.add(Http.json(response).getString("id"));
        }
        assertEquals(1, orders.size());
        assertEquals(9, CatalogFixture.totalStock(SERVICES, product.id()));
    }

    @Test
    void neverOversellsWhenCheckoutsRaceOnTwoNodes() throws Exception {
        var product = CatalogFixture.product(SERVICES, new BigDecimal("4.00"), 12, 8);
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add(Customers.shopper(SERVICES));
        }

        List<HttpResponse<String>> responses = race(60, i -> {
            Shopper shopper = shoppers.get(i % shoppers.size());
            return Checkouts.place(node(i), shopper.token(), UUID.randomUUID().toString(),
                    Checkouts.body(shopper.addressId(), product.id(), 1));
        });

        assertEquals(20, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 201 || r.statusCode() == 409));
        assertEquals(0, CatalogFixture.totalStock(SERVICES, product.id()));
    }

    /**
     * nginx on both nodes routes by readiness: an operator pauses intake on the second node over JMX, the node turns
     * not ready, and nginx sends every request to the other node (so no customer sees the paused node's 503) until it
     * is resumed.
     */
    @Test
    void nginxSendsNothingToANodeThatIsNotReady() throws Exception {
        var product = CatalogFixture.product(SERVICES, new BigDecimal("1.00"), 1_000);
        Shopper shopper = Customers.shopper(SERVICES);
        assertTrue(
                Http.get("http://" + SERVICES.secondNodeAddress() + "/api/health/ready").body()
                        .contains("order-intake"),
                "the stack's node runs an older build (no order-intake check): bin/stack stop wildfly, then test again");
        var both = Set.of(SERVICES.nodeAddress(), SERVICES.secondNodeAddress());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(
                () -> assertEquals(both, upstreams(checkoutsThroughPair(shopper, product.id(), 8, Set.of(201)))));

        var operations = new ObjectName("dev.orderflow:type=Operations");
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(SERVICES.secondNodeJmxUrl()))) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            jmx.invoke(operations, "pauseIntake", null, null);
            try {
                // until the watcher has taken it out, a checkout landing on the paused node gets its 503
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .untilAsserted(() -> assertEquals(Set.of(SERVICES.nodeAddress()),
                                upstreams(checkoutsThroughPair(shopper, product.id(), 6, Set.of(201, 503)))));
                var routed = checkoutsThroughPair(shopper, product.id(), 30, Set.of(201));
                assertEquals(Set.of(SERVICES.nodeAddress()), upstreams(routed), "nothing reaches the node not ready");
            } finally {
                jmx.invoke(operations, "resumeIntake", null, null);
            }
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(
                () -> assertEquals(both, upstreams(checkoutsThroughPair(shopper, product.id(), 8, Set.of(201)))));
    }

    /** Sends {@code count} checkouts through the two-node listener; returns their correlation ids. */
    private static List<String> checkoutsThroughPair(Shopper shopper, UUID productId, int count, Set<Integer> allowed) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String cid = "pair-" + UUID.randomUUID();
            var response = Checkouts.place(SERVICES.pairPublicUrl(), shopper.token(), UUID.randomUUID().toString(),
                    Checkouts.body(shopper.addressId(), productId, 1), cid);
            assertTrue(allowed.contains(response.statusCode()), response.statusCode() + " " + response.body());
            ids.add(cid);
        }
        return ids;
    }

    /** The nodes nginx forwarded these requests to, from its access log ({@code upstream=... cid=...}). */
    private static Set<String> upstreams(List<String> correlationIds) {
        // nginx buffers its access log and writes it at least every second: wait until every request is in it
        var logged = new HashMap<String, String>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            logged.clear();
            for (String line : Files.readAllLines(SERVICES.nginxAccessLog())) {
                Matcher m = ACCESS.matcher(line);
                if (m.find()) {
                    logged.put(m.group(2), m.group(1));
                }
            }
            assertTrue(logged.keySet().containsAll(correlationIds), "requests missing from nginx's access log");
        });
        var upstreams = new HashSet<String>();
        correlationIds.forEach(id -> upstreams.add(logged.get(id)));
        return upstreams;
    }

    private static final Pattern ACCESS = Pattern.compile("upstream=(\\S+) cid=(\\S+)");

    interface Attempt {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static List<HttpResponse<String>> race(int count, Attempt attempt) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                start.await();
                return attempt.send(index);
            }));
        }
        start.countDown();
        var responses = new ArrayList<HttpResponse<String>>();
        for (var future : futures) {
            responses.add(future.get());
        }
        return responses;
    }
}
