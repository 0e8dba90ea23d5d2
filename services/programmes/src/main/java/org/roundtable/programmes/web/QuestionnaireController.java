package org.roundtable.programmes.web;

import static org.roundtable.programmes.web.ProgrammeController.READERS;
import static org.roundtable.programmes.web.ProgrammeController.WRITERS;
import static org.roundtable.programmes.web.ProgrammeController.etag;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.programmes.api.FindQuestionnaire;
import org.roundtable.programmes.api.QuestionnaireView;
import org.roundtable.programmes.api.RecordQuestionnaireReturn;
import org.roundtable.programmes.web.Requests.QuestionnaireReturnRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Questionnaires of the caller's agency: recipients, returns and the return rate. Another tenant's answers 404. */
@RestController
public class QuestionnaireController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProgrammeReadModelAwait await;

    QuestionnaireController(CommandGateway commands, QueryGateway queries, ProgrammeReadModelAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    @GetMapping("/api/questionnaires/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<QuestionnaireView> get(@PathVariable String id, Caller caller) {
        QuestionnaireView view = find(caller, id);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    /** Records a recipient's return; 200 with the questionnaire and its return rate. */
    @PostMapping("/api/questionnaires/{id}/returns")
    @PreAuthorize(WRITERS)
    public ResponseEntity<QuestionnaireView> recordReturn(@PathVariable String id,
                                                          @Valid @RequestBody QuestionnaireReturnRequest request,
                                                          Caller caller) {
        long version = commands.<Long>sendAndWait(new RecordQuestionnaireReturn(id, request.participantId().toString()));
        await.questionnaire(caller.tenant(), id, version);
        return ResponseEntity.ok().eTag(etag(version)).body(find(caller, id));
    }

    private QuestionnaireView find(Caller caller, String id) {
        return queries.query(new FindQuestionnaire(caller.tenant(), id), ResponseTypes.optionalInstanceOf(QuestionnaireView.class))
                .join().orElseThrow(() -> DomainException.notFound("questionnaire"));
    }
}
