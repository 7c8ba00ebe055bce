import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop checkout load through nginx: C clients, each a registered customer with an address, place
 * one-line orders (new Idempotency-Key each) for D seconds after a warm-up. Prints throughput and latency
 * percentiles. Run by bench/checkout.sh: java CheckoutBenchmark.java BASE_URL PRODUCT_ID CLIENTS SECONDS
 */
public class CheckoutBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    record Client(String token, String addressId) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String product = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<Client> shoppers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            shoppers.add(register(base));
        }
        run(base, product, shoppers, 5, false);
        run(base, product, shoppers, seconds, true);
    }

    private static void run(String base, String product, List<Client> shoppers, int seconds, boolean report)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(shoppers.size());
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (Client client : shoppers) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                long errors = 0;
                String body = "{\"shippingAddressId\":\"" + client.addressId() + "\",\"items\":[{\"productId\":\""
                        + product + "\",\"quantity\":1}]}";
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + client.token())
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    long elapsed = System.nanoTime() - t0;
                    if (response.statusCode() != 201) {
                        errors++;
                    } else if (n < latencies.length) {
                        latencies[n++] = elapsed;
                    }
                }
                long[] out = Arrays.copyOf(latencies, n + 1);
                out[n] = errors;
                return out;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long elapsedNanos = System.nanoTime() - start;
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (var result : results) {
            long[] r = result.get();
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
            errors += r[r.length - 1];
        }
        pool.shutdown();
        if (!report) {
            return;
        }
        all.sort(null);
        double throughput = all.size() / (elapsedNanos / 1e9);
        System.out.printf("checkout via nginx: clients=%d seconds=%d orders=%d errors=%d throughput=%.1f/s "
                + "p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n", shoppers.size(), seconds, all.size(), errors,
                throughput, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), ms(all, 1.0));
        System.out.printf("THROUGHPUT %.1f%n", throughput);
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(index, 0)) / 1e6;
    }

    private static Client register(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        post(base + "/api/customers", "{\"email\":\"" + email + "\",\"password\":\"benchmark password\",\"name\":\"Bench\"}", null);
        String login = post(base + "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"benchmark password\"}", null);
        String token = group(TOKEN.matcher(login));
        String address = post(base + "/api/customers/me/addresses",
                "{\"street\":\"1 Bench St\",\"city\":\"Berlin\",\"zipCode\":\"10115\",\"country\":\"DE\"}", token);
        return new Client(token, group(ID.matcher(address)));
    }

    private static String post(String url, String json, String token) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String group(Matcher matcher) {
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected response");
        }
        return matcher.group(1);
    }
}
