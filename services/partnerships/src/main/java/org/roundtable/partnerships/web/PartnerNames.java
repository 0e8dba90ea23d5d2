package org.roundtable.partnerships.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.PersonalData;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.partnerships.api.PartnershipView;
import org.springframework.stereotype.Component;

/**
 * Fills partners' names from the participant directory at read time, so names live in one place
 * and an erasure there shows here at once. An erased partner reads {@code [erased]}.
 */
@Component
class PartnerNames {

    private final QueryGateway queries;

    PartnerNames(QueryGateway queries) {
        this.queries = queries;
    }

    /** A lookup for one request: each participant is looked up once however often they appear. */
    Lookup lookup(String tenantId) {
        return new Lookup(tenantId);
    }

    final class Lookup {

        private final String tenantId;
        private final Map<String, Optional<ParticipantView>> seen = new HashMap<>();

        private Lookup(String tenantId) {
            this.tenantId = tenantId;
        }

        PartnershipView named(PartnershipView view) {
            List<PartnershipView.Partner> partners = view.partners().stream().map(this::named).toList();
            return view.withPartners(partners);
        }

        private PartnershipView.Partner named(PartnershipView.Partner partner) {
            if (partner.erased()) {
                return new PartnershipView.Partner(partner.participantId(), PersonalData.ERASED, true);
            }
            Optional<ParticipantView> participant = seen.computeIfAbsent(partner.participantId(),
                    id -> queries.query(new FindParticipant(tenantId, id),
                            ResponseTypes.optionalInstanceOf(ParticipantView.class)).join());
            boolean erased = participant.map(ParticipantView::erased).orElse(false);
            String name = erased ? PersonalData.ERASED : participant.map(ParticipantView::fullName).orElse(null);
            return new PartnershipView.Partner(partner.participantId(), name, erased);
        }
    }
}
