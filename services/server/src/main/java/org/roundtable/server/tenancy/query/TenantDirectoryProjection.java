package org.roundtable.server.tenancy.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.server.tenancy.api.FindTenant;
import org.roundtable.server.tenancy.api.FindTenants;
import org.roundtable.server.tenancy.api.TenantCreated;
import org.roundtable.server.tenancy.api.TenantPage;
import org.roundtable.server.tenancy.api.TenantView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The tenant directory in the {@code tenants} collection, keyed by tenant id. Writes are upserts so
 * that a replay over an existing collection converges to the same documents.
 */
@Component
@ProcessingGroup("tenant-directory")
class TenantDirectoryProjection {

    static final String COLLECTION = "tenants";

    private final MongoTemplate mongo;

    TenantDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(TenantCreated event, @Timestamp Instant createdAt, @SequenceNumber Long version) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.tenantId())), new Update()
                        .set("tenantId", event.tenantId())
                        .set("name", event.name())
                        .set("country", event.country())
                        .set("locale", event.locale())
                        .set("timeZone", event.timeZone())
                        .set("createdAt", Date.from(createdAt))
                        .set("version", version),
                COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    TenantPage handle(FindTenants query) {
        long total = mongo.count(new Query(), COLLECTION);
        Query page = new Query().with(Sort.by("_id"))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        List<TenantView> items = mongo.find(page, Document.class, COLLECTION).stream()
                .map(TenantDirectoryProjection::view)
                .toList();
        return new TenantPage(items, query.page(), query.size(), total);
    }

    @QueryHandler
    TenantView handle(FindTenant query) {
        Document document = mongo.findById(query.tenantId(), Document.class, COLLECTION);
        return document == null ? null : view(document);
    }

    private static TenantView view(Document document) {
        Date createdAt = document.getDate("createdAt");
        Number version = document.get("version", Number.class);
        return new TenantView(document.getString("_id"), document.getString("name"), document.getString("country"),
                document.getString("locale"), document.getString("timeZone"),
                createdAt == null ? null : createdAt.toInstant(), version == null ? 0 : version.longValue());
    }
}
