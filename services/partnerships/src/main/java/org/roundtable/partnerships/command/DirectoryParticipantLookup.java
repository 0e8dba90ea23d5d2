package org.roundtable.partnerships.command;

import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Looks participants up in the participants context's directory, through its published query. The
 * directory is a read model, so a change made a moment ago may not be seen yet; the participants API
 * waits for its own writes to show there, which keeps the usual "give consent, then form" flow right.
 */
@Component
class DirectoryParticipantLookup implements ParticipantLookup {

    // Lazy: the Axon configuration is built after the beans that command handlers resolve.
    private final ObjectProvider<QueryGateway> queries;

    DirectoryParticipantLookup(ObjectProvider<QueryGateway> queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Candidate> find(String tenantId, String participantId) {
        return queries.getObject().query(new FindParticipant(tenantId, participantId),
                        ResponseTypes.optionalInstanceOf(ParticipantView.class)).join()
                .map(view -> new Candidate(view.id(), view.erased(), view.reachGroups(),
                        view.consents().stream().map(ConsentInForce::purpose).collect(Collectors.toSet())));
    }
}
