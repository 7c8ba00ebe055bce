package dev.orderflow.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    private MongoClient client;

    public synchronized MongoDatabase database() {
        if (client == null) {
            var settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(b -> b.connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                            .readTimeout(timeoutMillis * 5, TimeUnit.MILLISECONDS))
                    .build();
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

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
