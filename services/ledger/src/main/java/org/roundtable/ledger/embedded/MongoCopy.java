package org.roundtable.ledger.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Moves the embedded default's data to a real MongoDB: every collection, document for document, with
 * its indexes. Run it while Roundtable is stopped; the ledger's positions, seals and keys travel as they
 * are, so the hash chain verifies on the target and read models can stay or be rebuilt.
 *
 * <pre>java -cp roundtable.jar -Dloader.main=org.roundtable.ledger.embedded.MongoCopy \
 *     org.springframework.boot.loader.launch.PropertiesLauncher ./data mongodb://host:27017/roundtable</pre>
 */
public final class MongoCopy {

    private MongoCopy() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: MongoCopy <data-dir> <target mongodb uri with database>");
            System.exit(2);
        }
        ConnectionString target = new ConnectionString(args[1]);
        String databaseName = target.getDatabase() == null ? "roundtable" : target.getDatabase();
        try (EmbeddedMongo source = EmbeddedMongo.onDisk(Path.of(args[0]), 0, false, Long.MAX_VALUE);
             MongoClient from = MongoClients.create(source.connectionString());
             MongoClient to = MongoClients.create(target)) {
            Map<String, Long> copied = copy(from.getDatabase("roundtable"), to.getDatabase(databaseName));
            copied.forEach((collection, count) -> System.out.println(collection + ": " + count));
        }
    }

    /** Copies every collection of {@code from} into {@code to}, which must not hold them yet. */
    public static Map<String, Long> copy(MongoDatabase from, MongoDatabase to) {
        List<String> existing = to.listCollectionNames().into(new ArrayList<>());
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String name : from.listCollectionNames()) {
            if (existing.contains(name) && to.getCollection(name).countDocuments() > 0) {
                throw new IllegalStateException("The target already holds documents in " + name + "; refusing to merge");
            }
            MongoCollection<Document> source = from.getCollection(name);
            MongoCollection<Document> target = to.getCollection(name);
            for (Document index : source.listIndexes()) {
                if ("_id_".equals(index.getString("name"))) {
                    continue;
                }
                IndexOptions options = new IndexOptions().name(index.getString("name"))
                        .unique(Boolean.TRUE.equals(index.getBoolean("unique")));
                if (index.get("expireAfterSeconds") != null) {
                    options.expireAfter(((Number) index.get("expireAfterSeconds")).longValue(),
                            java.util.concurrent.TimeUnit.SECONDS);
                }
                target.createIndex(index.get("key", Document.class), options);
            }
            List<Document> batch = new ArrayList<>(1000);
            long count = 0;
            for (Document document : source.find()) {
                batch.add(document);
                if (batch.size() == 1000) {
                    target.insertMany(batch);
                    count += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                target.insertMany(batch);
                count += batch.size();
            }
            copied.put(name, count);
        }
        return copied;
    }
}
