package org.roundtable.programmes.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.programmes.command.AttendeeDirectory;
import org.roundtable.programmes.command.AttendeeFacts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the register's rules from this context's participant facts (one query for a register of
 * 40). A participant registered a moment ago may not be there yet: those are asked of the
 * participants context's directory one by one, which its own writes wait for.
 */
@Component
class ParticipantFactsDirectory implements AttendeeDirectory {

    private final MongoTemplate mongo;
    private final QueryGateway queries;

    ParticipantFactsDirectory(MongoTemplate mongo, QueryGateway queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    @Override
    public Map<String, AttendeeFacts> find(String tenantId, Collection<String> participantIds) {
        Map<String, AttendeeFacts> found = new LinkedHashMap<>();
        ParticipantFactsProjection.facts(mongo, tenantId, participantIds).forEach((id, document) ->
                found.put(id, new AttendeeFacts(id, document.guardianId, document.erased, document.consents)));
        for (String id : participantIds) {
            if (!found.containsKey(id)) {
                lagging(tenantId, id).ifPresent(facts -> found.put(id, facts));
            }
        }
        return found;
    }

    private Optional<AttendeeFacts> lagging(String tenantId, String participantId) {
        return queries.query(new FindParticipant(tenantId, participantId),
                        ResponseTypes.optionalInstanceOf(ParticipantView.class)).join()
                .map(view -> new AttendeeFacts(view.id(), view.guardianId(), view.erased(),
                        view.consents().stream().map(ConsentInForce::purpose).collect(java.util.stream.Collectors.toSet())));
    }
}
