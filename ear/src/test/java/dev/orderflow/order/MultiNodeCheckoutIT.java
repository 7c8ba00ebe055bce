package dev.orderflow.order;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
