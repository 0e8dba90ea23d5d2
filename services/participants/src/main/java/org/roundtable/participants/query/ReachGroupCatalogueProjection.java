package org.roundtable.participants.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.participants.api.FindReachGroup;
import org.roundtable.participants.api.FindReachGroups;
import org.roundtable.participants.api.ReachGroupDefined;
import org.roundtable.participants.api.ReachGroupView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reach groups each tenant has defined. */
@Component
@ProcessingGroup(ParticipantDirectoryProjection.PROCESSING_GROUP)
public class ReachGroupCatalogueProjection {

    static final String COLLECTION = "reach_groups";

    private final MongoTemplate mongo;

    public ReachGroupCatalogueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(
                new CompoundIndexDefinition(new Document("tenantId", 1).append("code", 1)).unique());
    }

    @EventHandler
    void on(ReachGroupDefined event, @Timestamp Instant at) {
        // a reach group is defined once (its id is unique), so existence makes the handler idempotent
        if (mongo.exists(query(where("_id").is(event.reachGroupId())), COLLECTION)) {
            return;
        }
        ReachGroupDocument document = new ReachGroupDocument();
        document.id = event.reachGroupId();
        document.tenantId = event.tenantId();
        document.code = event.code();
        document.label = event.label();
        document.definedAt = at;
        mongo.insert(document, COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    List<ReachGroupView> handle(FindReachGroups query) {
        return mongo.find(query(where("tenantId").is(query.tenantId())).with(Sort.by("code")),
                        ReachGroupDocument.class, COLLECTION).stream()
                .map(document -> new ReachGroupView(document.code, document.label))
                .toList();
    }

    @QueryHandler
    Optional<ReachGroupView> handle(FindReachGroup query) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("tenantId").is(query.tenantId()).and("code").is(query.code())),
                        ReachGroupDocument.class, COLLECTION))
                .map(document -> new ReachGroupView(document.code, document.label));
    }
}
