package org.roundtable.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.roundtable.kernel.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exist only in tests, to exercise the API conventions without a bounded context. */
@RestController
@RequestMapping(path = "/api/probe", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProbeController {

    /** Counts how often the echo endpoint really ran (a replayed request does not run it). */
    public static final AtomicInteger ECHOES = new AtomicInteger();
    public static volatile CountDownLatch release = new CountDownLatch(0);

    private final QueryGateway queries;

    ProbeController(QueryGateway queries) {
        this.queries = queries;
    }

    @PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> echo(@RequestBody JsonNode body) {
        int number = ECHOES.incrementAndGet();
        return ResponseEntity.created(URI.create("/api/probe/echo/" + number)).eTag("7").body(body);
    }

    @PostMapping(path = "/slow", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> slow(@RequestBody JsonNode body) throws InterruptedException {
        if (!release.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
        return ResponseEntity.status(201).body(body);
    }

    @PostMapping(path = "/refuse", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> refuse(@RequestBody JsonNode body) {
        return ResponseEntity.unprocessableEntity().build();
    }

    @GetMapping("/caller")
    Map<String, Object> caller(Caller caller) {
        return Map.of("tenant", caller.tenant(), "actor", caller.actorId(), "roles", caller.roles());
    }

    @GetMapping("/query-metadata")
    Map<String, Object> queryMetadata() {
        return queries.query(new ProbeQuery(), ResponseTypes.instanceOf(ProbeMetadata.class)).join().values();
    }

    @GetMapping("/boom")
    void boom() {
        throw new IllegalStateException("Jane Doe, born 2001-02-03, could not be stored");
    }

    public record ProbeQuery() {
    }

    public record ProbeMetadata(Map<String, Object> values) {
    }

    @Component
    static class ProbeQueryHandler {

        @QueryHandler
        ProbeMetadata handle(ProbeQuery query, MetaData metaData) {
            return new ProbeMetadata(Map.copyOf(metaData));
        }
    }
}
