package org.roundtable.partnerships.web;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.partnerships.api.FindPartnerships;
import org.roundtable.partnerships.api.PartnershipPage;
import org.roundtable.partnerships.api.PartnershipView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A participant's partnerships, under the participant's own path. */
@RestController
public class ParticipantPartnershipsController {

    private final QueryGateway queries;
    private final PartnerNames names;

    ParticipantPartnershipsController(QueryGateway queries, PartnerNames names) {
        this.queries = queries;
        this.names = names;
    }

    /**
     * Every partnership the participant is a partner in, newest formed first:
     * {@code {"items": [...]}}. 404 if the caller's agency has no such participant.
     */
    @GetMapping("/api/participants/{id}/partnerships")
    @PreAuthorize(PartnershipController.READERS)
    public PartnershipList list(@PathVariable String id, Caller caller) {
        boolean known = queries.query(new FindParticipant(caller.tenant(), id),
                ResponseTypes.optionalInstanceOf(ParticipantView.class)).join().isPresent();
        if (!known) {
            throw DomainException.notFound("participant");
        }
        List<PartnershipView> all = new ArrayList<>();
        PartnerNames.Lookup lookup = names.lookup(caller.tenant());
        for (int page = 0; ; page++) {
            PartnershipPage found = queries.query(new FindPartnerships(caller.tenant(), null, null, id, null, page,
                    FindPartnerships.MAX_SIZE), PartnershipPage.class).join();
            found.items().stream().map(lookup::named).forEach(all::add);
            if (found.items().size() < FindPartnerships.MAX_SIZE) {
                return new PartnershipList(all);
            }
        }
    }

    /** Body of a participant's partnerships. */
    public record PartnershipList(List<PartnershipView> items) {
    }
}
