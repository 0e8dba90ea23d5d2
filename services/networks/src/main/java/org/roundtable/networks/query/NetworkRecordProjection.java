package org.roundtable.networks.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.networks.api.FindMeeting;
import org.roundtable.networks.api.FindNetwork;
import org.roundtable.networks.api.FindNetworkVersion;
import org.roundtable.networks.api.FindNetworks;
import org.roundtable.networks.api.FindOverdueActionItems;
import org.roundtable.networks.api.FindQuarterOutcomes;
import org.roundtable.networks.api.MeetingView;
import org.roundtable.networks.api.MemberAdmitted;
import org.roundtable.networks.api.MemberLeft;
import org.roundtable.networks.api.NetworkEvent;
import org.roundtable.networks.api.NetworkFounded;
import org.roundtable.networks.api.NetworkSummary;
import org.roundtable.networks.api.NetworkView;
import org.roundtable.networks.api.OverdueActionItems;
import org.roundtable.networks.api.Cadence;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.networks.api.ReviewView;
import org.roundtable.networks.query.NetworkRecordDocument.JournalEntry;
import org.roundtable.networks.query.NetworkRecordDocument.Reader;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The network record. Unlike the agencies' read models it is not per tenant: one document per
 * network carries the tenants that may read it, and every query first checks that the caller's
 * tenant is or was a member (404 otherwise). A former member reads the record folded only up to
 * the event of its leaving. Handlers skip any event whose aggregate sequence is not newer than the
 * document's, so redelivery and replays converge.
 */
@Component
@ProcessingGroup(NetworkRecordProjection.PROCESSING_GROUP)
public class NetworkRecordProjection {

    public static final String PROCESSING_GROUP = "network-record";
    static final String COLLECTION = "network_records";

    private static final Map<String, Class<?>> EVENT_TYPES = Arrays.stream(NetworkEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final MongoTemplate mongo;
    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public NetworkRecordProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // the list query filters by reader tenant
        mongo.indexOps(COLLECTION).ensureIndex(new Index("readers.tenantId", Sort.Direction.ASC));
    }

    @EventHandler
    void on(NetworkEvent event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        JournalEntry entry = new JournalEntry();
        entry.sequence = sequence;
        entry.position = position(message);
        entry.at = message.getTimestamp();
        entry.actorId = (String) message.getMetaData().get(MetadataKeys.ACTOR_ID);
        entry.type = event.getClass().getSimpleName();
        entry.payload = write(event);

        NetworkRecordDocument document = mongo.findById(event.networkId(), NetworkRecordDocument.class, COLLECTION);
        if (event instanceof NetworkFounded founded) {
            if (document != null) {
                return;
            }
            document = new NetworkRecordDocument();
            document.id = founded.networkId();
            document.name = founded.name();
            document.chairTenantId = founded.chairTenantId();
            document.foundedOn = founded.foundedOn().toString();
            document.cadence = founded.cadence().name();
        } else if (document == null || document.version >= sequence) {
            return;
        }
        if (event instanceof MemberAdmitted admitted && admitted.tenantId() != null) {
            document.readers.removeIf(reader -> reader.tenantId.equals(admitted.tenantId()));
            Reader reader = new Reader();
            reader.tenantId = admitted.tenantId();
            document.readers.add(reader);
        } else if (event instanceof MemberLeft left) {
            // a tenant member's id is its tenant id; the leaving event is the last one it may read
            Reader reader = document.reader(left.memberId());
            if (reader != null) {
                reader.untilSequence = sequence;
                reader.leftOn = left.leftOn().toString();
            }
        }
        document.journal.add(entry);
        document.version = sequence;
        mongo.save(document, COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    List<NetworkSummary> handle(FindNetworks query) {
        Query byReader = query(where("readers.tenantId").is(query.tenantId()));
        byReader.fields().exclude("journal");
        return mongo.find(byReader.with(Sort.by("name", "_id")), NetworkRecordDocument.class, COLLECTION).stream()
                .map(document -> {
                    Reader reader = document.reader(query.tenantId());
                    return new NetworkSummary(document.id, document.name, document.chairTenantId,
                            LocalDate.parse(document.foundedOn), Cadence.valueOf(document.cadence),
                            reader.untilSequence == null, reader.leftOn == null ? null : LocalDate.parse(reader.leftOn));
                })
                .toList();
    }

    @QueryHandler
    Long handle(FindNetworkVersion query) {
        Query byId = query(where("_id").is(query.networkId()));
        byId.fields().include("version").include("readers");
        NetworkRecordDocument document = mongo.findOne(byId, NetworkRecordDocument.class, COLLECTION);
        Reader reader = document == null ? null : document.reader(query.tenantId());
        return reader == null ? -1L : Math.min(document.version, reader.limit());
    }

    @QueryHandler
    Optional<NetworkView> handle(FindNetwork query) {
        return readable(query.tenantId(), query.networkId())
                .map(record -> NetworkViews.network(record.state(), record.leftOn()));
    }

    @QueryHandler
    Optional<MeetingView> handle(FindMeeting query) {
        return readable(query.tenantId(), query.networkId())
                .flatMap(record -> Optional.ofNullable(record.state().meetings.get(query.meetingId()))
                        .map(meeting -> NetworkViews.meeting(record.state(), meeting, query.today())));
    }

    @QueryHandler
    Optional<OverdueActionItems> handle(FindOverdueActionItems query) {
        return readable(query.tenantId(), query.networkId())
                .map(record -> NetworkViews.overdue(record.state(), query.today()));
    }

    @QueryHandler
    Optional<QuarterOutcomes> handle(FindQuarterOutcomes query) {
        return readable(query.tenantId(), query.networkId()).map(record -> {
            NetworkState state = record.state();
            NetworkState.ReviewState review = state.reviews.get(query.quarter());
            LocalDate end = query.quarter().lastDay();
            if (review == null) {
                return NetworkViews.quarter(state, query.quarter(), earlier(end, query.today()), null);
            }
            // a signed quarter shows what it showed when it was signed, never anything later
            NetworkState signed = fold(record.document(), review.sequence);
            return NetworkViews.quarter(signed, query.quarter(), earlier(end, review.signedOn),
                    new ReviewView(review.summary, review.signedOn, review.at, review.by, review.position,
                            review.sequence));
        });
    }

    private Optional<Readable> readable(String tenantId, String networkId) {
        NetworkRecordDocument document = mongo.findById(networkId, NetworkRecordDocument.class, COLLECTION);
        Reader reader = document == null ? null : document.reader(tenantId);
        if (reader == null) {
            return Optional.empty();
        }
        return Optional.of(new Readable(document, fold(document, reader.limit()),
                reader.leftOn == null || reader.untilSequence == null ? null : LocalDate.parse(reader.leftOn)));
    }

    private NetworkState fold(NetworkRecordDocument document, long untilSequence) {
        NetworkState state = new NetworkState();
        for (JournalEntry entry : document.journal) {
            if (entry.sequence > untilSequence) {
                break;
            }
            state.apply(read(entry), entry.sequence, entry.position, entry.at, entry.actorId);
        }
        return state;
    }

    private String write(NetworkEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("network event cannot be written as JSON: " + event.getClass().getSimpleName(), e);
        }
    }

    private NetworkEvent read(JournalEntry entry) {
        Class<?> type = EVENT_TYPES.get(entry.type);
        if (type == null) {
            throw new IllegalStateException("unknown network event type in the record: " + entry.type);
        }
        try {
            return (NetworkEvent) json.readValue(entry.payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("network record entry cannot be read: " + entry.type, e);
        }
    }

    private static Long position(DomainEventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            var position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    private static LocalDate earlier(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }

    private record Readable(NetworkRecordDocument document, NetworkState state, LocalDate leftOn) {
    }
}
