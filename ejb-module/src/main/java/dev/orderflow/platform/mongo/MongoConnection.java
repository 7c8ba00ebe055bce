package dev.orderflow.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerMonitorListener;
import dev.orderflow.observability.DependencyCalls;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The node's one MongoDB client (order history and analytics), created on first use. */
@ApplicationScoped
public class MongoConnection {

    @Inject
    @ConfigProperty(name = "mongodb.uri")
    String uri;

    @Inject
    @ConfigProperty(name = "mongodb.database")
    String databaseName;

    @Inject
    @ConfigProperty(name = "mongodb.timeout-ms")
    int timeoutMillis;

    private static final String HEALTH_PING = "ping";

    @Inject
    DependencyCalls calls;

    private MongoClient client;

    public synchronized MongoDatabase database() {
        if (client == null) {
            var settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(b -> b.connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                            .readTimeout(timeoutMillis * 5, TimeUnit.MILLISECONDS))
                    .addCommandListener(new CommandTimings())
                    .applyToServerSettings(b -> b.addServerMonitorListener(new MissedHeartbeats())).build();
            client = MongoClients.create(settings);
        }
        return client.getDatabase(databaseName);
    }

    /** Round trip to the server; throws when it cannot be reached in time. */
    public void ping() {
        database().runCommand(new Document("ping", 1));
    }

    public String databaseName() {
        return databaseName;
    }

    /**
     * Every command the driver sends, as {@code dependency.calls{dependency="mongodb", operation=<command name>}};
     * failed commands also as {@code dependency.failures}. Successful pings (the readiness check's) are left out.
     */
    private final class CommandTimings implements CommandListener {
        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            if (HEALTH_PING.equals(event.getCommandName())) {
                return; // the readiness probe's, every second: it would drown the application's calls
            }
            calls.record(DependencyCalls.MONGODB, event.getCommandName(),
                    Duration.ofNanos(event.getElapsedTime(TimeUnit.NANOSECONDS)), false);
        }

        @Override
        public void commandFailed(CommandFailedEvent event) {
            calls.record(DependencyCalls.MONGODB, event.getCommandName(),
                    Duration.ofNanos(event.getElapsedTime(TimeUnit.NANOSECONDS)), true);
        }
    }

    /**
     * A server that cannot be reached fails no command (the driver gives up selecting a server first), so its missed
     * heartbeats are counted: {@code dependency.failures{dependency="mongodb", operation="heartbeat"}}.
     */
    private final class MissedHeartbeats implements ServerMonitorListener {
        @Override
        public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
            calls.failure(DependencyCalls.MONGODB, "heartbeat");
        }
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
