package org.roundtable.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreSizeTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("per-write commits grow the file, and a restart compacts it back to its live data without losing any")
    void fileStaysBounded() {
        int documents = 5_000;
        String body = "x".repeat(600); // about the size of a commit document
        long beforeCompaction;
        long afterCompaction;
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir, 0, false, Long.MAX_VALUE);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("roundtable").getCollection("sizes");
            for (int i = 0; i < documents; i++) {
                collection.insertOne(new Document("_id", (long) i).append("body", body));
            }
            assertThat(mongo.commitCount()).isGreaterThanOrEqualTo(documents / 2);
            beforeCompaction = mongo.fileSize();
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.onDisk(dataDir, 0, false, Long.MAX_VALUE);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            afterCompaction = reopened.fileSize();
            assertThat(client.getDatabase("roundtable").getCollection("sizes").countDocuments()).isEqualTo(documents);
            System.out.printf("embedded store: %d documents, %d KB before compaction (%d B/doc), %d KB after (%d B/doc)%n",
                    documents, beforeCompaction / 1024, beforeCompaction / documents,
                    afterCompaction / 1024, afterCompaction / documents);
        }
        assertThat(afterCompaction / documents).isLessThan(6_000);
        assertThat(afterCompaction).isLessThan(beforeCompaction / 3);
    }
}
