import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.CountDownLatch;

/**
 * Local stand-in for MongoDB: mongo-java-server speaking the MongoDB wire protocol, with the H2 (MVStore)
 * file backend so data survives a restart. Run by bin/stack with the source launcher:
 * java -cp "lib/*" MongoStandIn.java DATA_FILE HOST PORT
 */
public class MongoStandIn {

    public static void main(String[] args) throws InterruptedException {
        var backend = new H2Backend(args[0]);
        var server = new MongoServer(backend);
        server.bind(args[1], Integer.parseInt(args[2]));
        System.out.printf("mongo-java-server listening on %s:%s, data in %s%n", args[1], args[2], args[0]);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }));
        stopped.await();
    }
}
