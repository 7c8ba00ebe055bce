package dev.orderflow.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.conversions.Bson;

/** Direct reads of the application's MongoDB database, to check from outside what the consumers wrote. */
public final class MongoProbe {

    private static MongoClient client;

    private MongoProbe() {
    }

    public static synchronized MongoDatabase database() {
        if (client == null) {
            String uri = System.getenv("MONGODB_URI");
            client = MongoClients.create(uri == null || uri.isBlank() ? "mongodb://127.0.0.1:27017" : uri);
        }
        return client.getDatabase("orderflow");
    }

    public static long count(String collection, Bson filter) {
        return database().getCollection(collection).countDocuments(filter);
    }
}
