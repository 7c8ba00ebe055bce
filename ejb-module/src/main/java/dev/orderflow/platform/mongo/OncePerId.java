package dev.orderflow.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.orderflow.messaging.RetryLater;
import java.util.List;
import org.bson.Document;

/**
 * Inserts of documents whose {@code _id} is the id of the event they record, so that the effect and "this event was
 * applied" are one write: a document already there (a redelivered event) is a duplicate key, which is success. MongoDB
 * unreachable or not answering is an outage ({@link RetryLater}); any other write error is thrown.
 */
public final class OncePerId {

    private OncePerId() {
    }

    public static void insert(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoSocketException | MongoTimeoutException e) {
            throw new RetryLater("mongodb", e);
        }
    }

    /**
     * One insertMany for all of them. If some were there already, each one is inserted again on its own (duplicates
     * skipped), whatever the server did with the rest of the batch after the first duplicate.
     */
    public static void insertAll(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.size() < 2) {
            documents.forEach(document -> insert(collection, document));
            return;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            documents.forEach(document -> insert(collection, document));
        } catch (MongoSocketException | MongoTimeoutException e) {
            throw new RetryLater("mongodb", e);
        }
    }
}
