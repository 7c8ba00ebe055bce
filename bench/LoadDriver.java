import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load of bench/run that wrk cannot make (closed-loop checkout and the reads are wrk scripts in bench/run),
 * through nginx. Every figure is printed as one {@code RESULT} line (milliseconds):
 *
 * <pre>
 * java LoadDriver.java shoppers BASE FILE COUNT             register COUNT customers with an address (token per line)
 * java LoadDriver.java mix BASE DIR NAME RATE SECONDS       open model: RATE requests/s whatever the answers' speed
 *                                                          (over keep-alive connections of its own: {@link Wire})
 * </pre>
 *
 * DIR holds {@code products.txt} (spread products), {@code hot.txt} (one product) and {@code shoppers.txt}. Latency in
 * the open model counts from the moment a request was due, so a server that falls behind cannot hide it.
 */
public class LoadDriver {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final String[] WORDS = { "item", "bench", "one", "two", "3", "product", "blue", "7" };

    record Shopper(String token, String addressId) {
    }

    /** Latencies and errors of one kind of request. */
    static final class Recorder {
        private long[] nanos = new long[1 << 14];
        private int count;
        private final AtomicLong errors = new AtomicLong();
        private final Map<String, String> errorSamples = new ConcurrentHashMap<>();

        synchronized void ok(long latencyNanos) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latencyNanos;
        }

        void error(String what) {
            errors.incrementAndGet();
            if (errorSamples.size() < 5) {
                errorSamples.putIfAbsent(what.length() > 200 ? what.substring(0, 200) : what, "");
            }
        }

        synchronized void print(String name, String load, double seconds) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            System.out.printf("RESULT name=%s load=%s requests=%d errors=%d seconds=%.1f throughput=%.1f "
                    + "p50=%.2f p95=%.2f p99=%.2f max=%.2f%n", name, load, count, errors.get(), seconds,
                    count / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
            errorSamples.keySet().forEach(e -> System.err.println("[bench] " + name + " error: " + e));
        }

        private static double ms(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return sorted[Math.max(index, 0)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "shoppers" -> shoppers(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "mix" -> mix(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ fixtures

    private static void shoppers(String base, Path file, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Shopper>> registered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            registered.add(pool.submit(() -> register(base)));
        }
        var lines = new ArrayList<String>();
        for (var shopper : registered) {
            lines.add(shopper.get().token() + " " + shopper.get().addressId());
        }
        pool.shutdown();
        Files.write(file, lines);
    }

    private static Shopper register(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "benchmark password";
        expect(send("POST", base + "/api/customers",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Bench\"}", null), 201);
        String token = group(TOKEN.matcher(expect(send("POST", base + "/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null), 200)));
        String address = expect(send("POST", base + "/api/customers/me/addresses",
                "{\"street\":\"1 Bench St\",\"city\":\"Berlin\",\"zipCode\":\"10115\",\"country\":\"DE\"}", token), 201);
        return new Shopper(token, group(ID.matcher(address)));
    }

    private static List<Shopper> readShoppers(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("shoppers.txt")).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(" ")).map(p -> new Shopper(p[0], p[1])).toList();
    }

    private static List<String> readLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    // ------------------------------------------------------------------ orders

    private static String orderBody(Shopper shopper, List<String> products, String paymentMethod) {
        var items = new StringBuilder();
        for (String product : products) {
            items.append(items.isEmpty() ? "" : ",").append("{\"productId\":\"").append(product)
                    .append("\",\"quantity\":").append(1 + ThreadLocalRandom.current().nextInt(2)).append('}');
        }
        return "{\"shippingAddressId\":\"" + shopper.addressId() + "\",\"paymentMethod\":\"" + paymentMethod
                + "\",\"items\":[" + items + "]}";
    }

    private static List<String> pick(List<String> from, int count) {
        var picked = new ArrayList<String>();
        while (picked.size() < count) {
            String product = from.get(ThreadLocalRandom.current().nextInt(from.size()));
            if (!picked.contains(product)) {
                picked.add(product);
            }
        }
        return picked;
    }

    // ------------------------------------------------------------------ open-model mix

    /**
     * The 10K design's peak mix: 70% browse and search (product page 40%, search 20%, category tree 10%), 20% cart
     * (add a line 10%, read the cart 10%), 10% checkout of 1-3 lines (card and invoice).
     */
    private static void mix(String base, Path dir, String name, int rate, int seconds) throws Exception {
        List<String> products = readLines(dir.resolve("products.txt"));
        List<Shopper> shoppers = readShoppers(dir);
        var recorders = new TreeMap<String, Recorder>();
        for (String kind : List.of("product", "search", "categories", "cart_add", "cart_read", "checkout")) {
            recorders.put(kind, new Recorder());
        }
        var all = new Recorder();
        URI target = URI.create(base);
        // open model: a dispatcher hands each request, at the moment it is due, to whichever of the connections is
        // free; a request waiting for a free connection waits on the clock (its latency counts from when it was due)
        var queue = new java.util.concurrent.LinkedBlockingQueue<Due>();
        int connections = Math.max(16, Math.min(256, rate / 4));
        var workers = new ArrayList<Thread>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                Wire wire = new Wire(target.getHost(), target.getPort());
                try {
                    while (true) {
                        Due due = queue.take();
                        if (due.last()) {
                            return;
                        }
                        mixRequest(wire, due, products, shoppers, recorders, all);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    wire.close();
                }
            }, "mix-" + c);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long interval = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (queue.size() >= 2_000) {
                all.error("client saturated: 2,000 requests waiting for a connection");
                continue;
            }
            queue.add(new Due(due, ThreadLocalRandom.current().nextInt(100), false));
        }
        for (int c = 0; c < connections; c++) {
            queue.add(new Due(0, 0, true));
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos() + 5_000_000_000L;
        for (Thread worker : workers) {
            worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        all.print(name, "rate=" + rate, elapsed);
        recorders.forEach((kind, recorder) -> recorder.print(name + "." + kind, "rate=" + rate, elapsed));
    }


    /** A request of the mix, due at {@code nanos}; {@code dice} picks its kind. The last one stops a connection. */
    record Due(long nanos, int dice, boolean last) {
    }

    private static void mixRequest(Wire wire, Due due, List<String> products, List<Shopper> shoppers,
            Map<String, Recorder> recorders, Recorder all) {
        int dice = due.dice();
        Shopper shopper = shoppers.get(ThreadLocalRandom.current().nextInt(shoppers.size()));
        String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
        String kind;
        int expected = 200;
        try {
            Wire.Answer answer;
            if (dice < 40) {
                kind = "product";
                answer = wire.send("GET", "/api/products/" + product, null, null);
            } else if (dice < 60) {
                kind = "search";
                answer = wire.send("GET", "/api/products?q=" + WORDS[dice % WORDS.length] + "&size=20&page="
                        + (1 + dice % 3), null, null);
            } else if (dice < 70) {
                kind = "categories";
                answer = wire.send("GET", "/api/categories", null, null);
            } else if (dice < 80) {
                kind = "cart_add";
                // twenty products at most, so carts stay under their 50-line limit
                answer = wire.send("PUT", "/api/cart/items/" + products.get(dice % 20), "{\"quantity\":1}",
                        shopper.token());
            } else if (dice < 90) {
                kind = "cart_read";
                answer = wire.send("GET", "/api/cart", null, shopper.token());
            } else {
                kind = "checkout";
                expected = 201;
                answer = wire.send("POST", "/api/orders",
                        orderBody(shopper, pick(products, 1 + dice % 3), dice % 2 == 0 ? "card" : "invoice"),
                        shopper.token(), "Idempotency-Key", UUID.randomUUID().toString());
            }
            long latency = System.nanoTime() - due.nanos();
            if (answer.status() == expected) {
                recorders.get(kind).ok(latency);
                all.ok(latency);
            } else {
                String error = kind + " " + answer.status() + " " + answer.body();
                recorders.get(kind).error(error);
                all.error(error);
            }
        } catch (IOException e) {
            all.error(e.toString());
        }
    }

    // ------------------------------------------------------------------ HTTP

    /**
     * One keep-alive HTTP/1.1 connection with blocking I/O: the mix's client. A few lines of socket code spend a
     * fraction of the CPU the JDK's HttpClient spends per request (one selector thread for every connection, futures,
     * a copy of each body), and on two cores every client cycle is one the node under test loses.
     */
    static final class Wire implements AutoCloseable {
        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;
        private boolean used;

        record Answer(int status, String body) {
        }

        Wire(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Answer send(String method, String path, String json, String token, String... headers) throws IOException {
            boolean fresh = socket == null;
            try {
                return exchange(method, path, json, token, headers);
            } catch (IOException e) {
                close();
                if (fresh || !used) {
                    throw e;
                }
                // a kept-alive connection the server had closed: once more on a new one (checkouts carry their key)
                return exchange(method, path, json, token, headers);
            }
        }

        private Answer exchange(String method, String path, String json, String token, String... headers)
                throws IOException {
            if (socket == null) {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8_192);
                used = false;
            }
            byte[] body = json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new java.io.EOFException("connection closed before the answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closing = value.equalsIgnoreCase("close");
                }
            }
            var received = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long
                        .parseLong(line().split(";")[0].trim(), 16)) {
                    copy(received, size);
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
            } else if (length >= 0) {
                copy(received, length);
            } else if (status != 204 && status != 304) {
                in.transferTo(received);
                closing = true;
            }
            used = true;
            if (closing) {
                close();
            }
            return new Answer(status, received.toString(java.nio.charset.StandardCharsets.UTF_8));
        }

        private void copy(java.io.ByteArrayOutputStream to, long count) throws IOException {
            byte[] buffer = new byte[8_192];
            while (count > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (read < 0) {
                    throw new java.io.EOFException("connection closed inside an answer");
                }
                to.write(buffer, 0, read);
                count -= read;
            }
        }

        private String line() throws IOException {
            var text = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return text.isEmpty() ? null : text.toString();
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static void timed(Recorder recorder, Call call, int expected) {
        long t0 = System.nanoTime();
        try {
            var response = call.send();
            if (response.statusCode() == expected) {
                recorder.ok(System.nanoTime() - t0);
            } else {
                recorder.error(response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            recorder.error(e.toString());
        }
    }

    private static HttpResponse<String> send(String method, String url, String json, String token, String... headers)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " -> " + response.statusCode() + " "
                    + response.body());
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
