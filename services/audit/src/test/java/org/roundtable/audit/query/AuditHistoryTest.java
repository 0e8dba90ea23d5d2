package org.roundtable.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.PersonRegistered;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.api.HistoryEvent;
import org.roundtable.audit.api.HistoryPage;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.PersonalData;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.crypto.PersonalDataSerializer;

@DisplayName("The audit history")
class AuditHistoryTest {

    static final TenantId KENT = new TenantId("kent");
    static final TenantId KREFELD = new TenantId("krefeld");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestLedger ledger;
    private AuditHistory history;

    @BeforeEach
    void ledgerOfTwoAgencies() {
        ledger = new TestLedger();
        // 1: kent p-1 registered; 2: krefeld p-9 registered; 3..5: kent session s-1 (three events);
        // 6: kent p-2 registered by another officer; 7: krefeld session
        ledger.append("kent", "p-1", "officer-1", T0, new PersonRegistered("p-1", "Ana Lakatos", "Folkestone"));
        ledger.append("krefeld", "p-9", "mediator-1", T0.plusSeconds(60), new PersonRegistered("p-9", "Ion Popa", "Krefeld"));
        ledger.append("kent", "s-1", "officer-1", T0.plusSeconds(120),
                new SessionHeld("s-1", 10), new SessionHeld("s-1", 11), new SessionHeld("s-1", 12));
        ledger.append("kent", "p-2", "officer-2", T0.plusSeconds(180), new PersonRegistered("p-2", "Mara Balog", "Dover"));
        ledger.append("krefeld", "s-9", "mediator-1", T0.plusSeconds(240), new SessionHeld("s-9", 4));
        ledger.seal();
        history = new AuditHistory(ledger.database(), ledger.serializer(), instant -> 0L, 4, 1_000);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private HistoryPage kent(HistoryFilter filter) {
        return history.find(KENT, filter, false);
    }

    private static List<Long> positions(HistoryPage page) {
        return page.items().stream().map(HistoryEvent::position).toList();
    }

    @Test
    void shows_only_the_callers_agency_in_ledger_order_with_who_when_and_why() {
        HistoryPage page = kent(HistoryFilter.all());

        assertThat(positions(page)).containsExactly(1L, 3L, 4L, 5L, 6L);
        assertThat(page.items()).allSatisfy(event -> assertThat(event.tenantId()).isEqualTo("kent"));
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextAfterPosition()).isEqualTo(7);
        HistoryEvent first = page.items().get(0);
        assertThat(first.type()).isEqualTo(PersonRegistered.class.getName());
        assertThat(first.aggregateId()).isEqualTo("p-1");
        assertThat(first.sequence()).isZero();
        assertThat(first.actorId()).isEqualTo("officer-1");
        assertThat(first.actorRole()).isEqualTo("staff");
        assertThat(first.correlationId()).isNotBlank();
        assertThat(first.causationId()).isEqualTo("cause-1");
        assertThat(first.timestamp()).isEqualTo(T0.toString());
        assertThat(first.payload().path("town").asText()).isEqualTo("Folkestone");
        assertThat(history.find(KREFELD, HistoryFilter.all(), true).items())
                .extracting(HistoryEvent::position).containsExactly(2L, 7L);
    }

    @Test
    void filters_by_aggregate_type_actor_time_and_position() {
        HistoryFilter all = HistoryFilter.all();
        assertThat(positions(kent(new HistoryFilter("s-1", null, null, null, null, 0, null, 100))))
                .containsExactly(3L, 4L, 5L);
        assertThat(positions(kent(new HistoryFilter(null, "SessionHeld", null, null, null, 0, null, 100))))
                .containsExactly(3L, 4L, 5L);
        assertThat(positions(kent(new HistoryFilter(null, PersonRegistered.class.getName(), null, null, null, 0, null, 100))))
                .containsExactly(1L, 6L);
        assertThat(positions(kent(new HistoryFilter(null, "Registered", null, null, null, 0, null, 100)))).isEmpty();
        assertThat(positions(kent(new HistoryFilter(null, null, "officer-2", null, null, 0, null, 100))))
                .containsExactly(6L);
        assertThat(positions(kent(new HistoryFilter(null, null, null, T0.plusSeconds(120), T0.plusSeconds(180), 0, null, 100))))
                .containsExactly(3L, 4L, 5L);
        assertThat(positions(kent(all.after(3)))).containsExactly(4L, 5L, 6L);
        assertThat(positions(kent(new HistoryFilter(null, null, null, null, null, 1, 4L, 100)))).containsExactly(3L, 4L);
    }

    @Test
    void filtering_by_another_agencys_aggregate_finds_nothing() {
        HistoryPage page = kent(new HistoryFilter("p-9", null, null, null, null, 0, null, 100));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void pages_by_position_even_inside_a_commit() {
        HistoryFilter two = HistoryFilter.all().limit(2);

        HistoryPage first = kent(two);
        assertThat(positions(first)).containsExactly(1L, 3L);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.nextAfterPosition()).isEqualTo(3);

        HistoryPage second = kent(two.after(first.nextAfterPosition()));
        assertThat(positions(second)).containsExactly(4L, 5L);

        HistoryPage third = kent(two.after(second.nextAfterPosition()));
        assertThat(positions(third)).containsExactly(6L);
        assertThat(third.hasMore()).isFalse();
    }

    @Test
    void a_page_stops_when_its_scan_budget_is_spent_and_says_there_is_more() {
        AuditHistory budgeted = new AuditHistory(ledger.database(), ledger.serializer(), instant -> 0L, 4, 2);

        HistoryPage page = budgeted.find(KREFELD, HistoryFilter.all(), false);
        assertThat(positions(page)).containsExactly(2L);
        assertThat(page.hasMore()).isTrue();

        List<Long> found = new java.util.ArrayList<>(positions(page));
        int pages = 1;
        while (page.hasMore()) {
            page = budgeted.find(KREFELD, HistoryFilter.all().after(page.nextAfterPosition()), false);
            found.addAll(positions(page));
            pages++;
        }
        assertThat(found).containsExactly(2L, 7L);
        assertThat(pages).isGreaterThan(2);
    }

    @Test
    void never_passes_a_reserved_position_whose_commit_may_still_land() {
        ledger.reserveThrough(8);
        ledger.appendAt(9, "kent", "p-3", "officer-1", T0.plusSeconds(300), new PersonRegistered("p-3", "Eva Horvat", "Margate"));

        HistoryPage before = kent(HistoryFilter.all().after(6));
        assertThat(before.items()).isEmpty();
        assertThat(before.nextAfterPosition()).isEqualTo(7);

        ledger.appendAt(8, "kent", "s-2", "officer-1", T0.plusSeconds(290), new SessionHeld("s-2", 3));
        assertThat(positions(kent(HistoryFilter.all().after(before.nextAfterPosition())))).containsExactly(8L, 9L);
    }

    @Test
    void shows_personal_data_to_admins_hides_it_from_auditors_and_shows_erasure_to_everyone() {
        HistoryFilter p1 = new HistoryFilter("p-1", null, null, null, null, 0, null, 10);

        assertThat(history.find(KENT, p1, true).items().get(0).payload().path("name").asText()).isEqualTo("Ana Lakatos");
        assertThat(history.find(KENT, p1, false).items().get(0).payload().path("name").asText())
                .isEqualTo(PersonalDataSerializer.HIDDEN);

        ledger.keys().erase("p-1");

        assertThat(history.find(KENT, p1, true).items().get(0).payload().path("name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(history.find(KENT, p1, false).items().get(0).payload().path("name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(history.find(KENT, p1, true).items().get(0).payload().path("town").asText()).isEqualTo("Folkestone");
    }

    @Test
    void shows_an_altered_payload_as_unreadable_instead_of_failing_the_page() {
        ledger.tamper(1, 0, "payload", "{not json");

        assertThat(kent(HistoryFilter.all()).items().get(0).payload().asText()).isEqualTo(AuditHistory.UNREADABLE);
    }

    @Test
    void starts_a_time_range_at_the_position_the_ledger_finds_for_it() {
        AuditHistory indexed = new AuditHistory(ledger.database(), ledger.serializer(), instant -> 5L, 4, 1_000);

        assertThat(positions(indexed.find(KENT, new HistoryFilter(null, null, null, T0, null, 0, null, 100), false)))
                .containsExactly(6L);
    }

    @Test
    void refuses_a_limit_over_five_hundred_and_ranges_that_end_before_they_start() {
        assertThatThrownBy(() -> HistoryFilter.all().limit(501)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new HistoryFilter(null, null, null, T0, T0, 0, null, 10)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new HistoryFilter(null, null, null, null, null, 5, 4L, 10)).isInstanceOf(DomainException.class);
    }
}
