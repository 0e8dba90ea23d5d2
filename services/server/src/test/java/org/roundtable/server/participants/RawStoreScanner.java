package org.roundtable.server.participants;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Searches every document of every collection of every database the client can see for given strings,
 * in the document's JSON and inside its binary values read as UTF-8, ignoring case (the directory keeps
 * a lower-cased copy of each name for sorting). Proves that personal data is stored nowhere in the clear.
 */
final class RawStoreScanner {

    private final MongoClient client;

    RawStoreScanner(MongoClient client) {
        this.client = client;
    }

    /** Where each needle was found, as {@code database.collection/_id: needle}; empty when nowhere. */
    List<String> findAll(Collection<String> needles) {
        List<String> hits = new ArrayList<>();
        for (String databaseName : client.listDatabaseNames()) {
            MongoDatabase database = client.getDatabase(databaseName);
            for (String collectionName : database.listCollectionNames()) {
                for (Document document : database.getCollection(collectionName).find()) {
                    String text = (document.toJson() + "\n" + binaryText(document.values())).toLowerCase(Locale.ROOT);
                    for (String needle : needles) {
                        if (text.contains(needle.toLowerCase(Locale.ROOT))) {
                            hits.add(databaseName + "." + collectionName + "/" + document.get("_id") + ": " + needle);
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static String binaryText(Collection<?> values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            if (value instanceof Binary binary) {
                text.append(new String(binary.getData(), StandardCharsets.UTF_8)).append('\n');
            } else if (value instanceof byte[] bytes) {
                text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
            } else if (value instanceof Document document) {
                text.append(binaryText(document.values()));
            } else if (value instanceof Map<?, ?> map) {
                text.append(binaryText(map.values()));
            } else if (value instanceof Collection<?> list) {
                text.append(binaryText(list));
            }
        }
        return text.toString();
    }
}
