package org.roundtable.server.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of every controller as {@code application/problem+json} with a {@link ProblemType}.
 * Details are written here, never copied from exception messages of libraries (they can quote the
 * request, and so personal data); only {@link DomainException} messages are shown, by contract.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final int MAX_NAME_LENGTH = 64;
    static final String NOT_FOUND_DETAIL = "The resource does not exist.";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException refusal, WebRequest request) {
        if (refusal.type() == ProblemType.NOT_FOUND) {
            // another agency's resource must read exactly like a missing one, whoever noticed it
            return problem(Problems.of(ProblemType.NOT_FOUND, NOT_FOUND_DETAIL), request);
        }
        return problem(Problems.of(refusal.type(), refusal.getMessage()), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException missing, WebRequest request) {
        return problem(Problems.of(ProblemType.NOT_FOUND, NOT_FOUND_DETAIL), request);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException stale, WebRequest request) {
        return problem(Problems.of(ProblemType.PRECONDITION_FAILED,
                "The resource has changed since the version in If-Match."), request);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(Exception conflict, WebRequest request) {
        return problem(Problems.of(ProblemType.CONFLICT,
                "The resource was changed or created at the same time by another request."), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException denied, WebRequest request) {
        return problem(Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this operation."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException failure, WebRequest request) {
        return problem(Problems.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required."), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException invalid, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid values.");
        problem.setProperty("errors", invalid.getConstraintViolations().stream()
                .map(violation -> error(String.valueOf(violation.getPropertyPath()), violation.getMessage()))
                .toList());
        return problem(problem, request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException tooLarge, WebRequest request) {
        return problem(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large."), request);
    }

    /** Axon and futures wrap what a handler threw; the cause decides the answer. */
    @ExceptionHandler({HandlerExecutionException.class, CompletionException.class, ExecutionException.class})
    ResponseEntity<Object> wrapped(Exception wrapper, WebRequest request) {
        Throwable cause = wrapper.getCause();
        if (cause instanceof Exception inner && cause != wrapper) {
            return handleAny(inner, request);
        }
        if (wrapper instanceof CommandExecutionException remote) {
            Optional<Object> details = remote.getDetails();
            if (details.isPresent() && details.get() instanceof ProblemType type) {
                return problem(Problems.of(type, remote.getMessage()), request);
            }
        }
        return unexpected(wrapper, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, WebRequest request) {
        String errorId = UUID.randomUUID().toString();
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        log.error("Unhandled error {} on {} {}: {}", errorId, servlet == null ? "?" : servlet.getMethod(),
                servlet == null ? "?" : servlet.getRequestURI(), SafeThrowables.describe(failure));
        ProblemDetail problem = Problems.ofStatus(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request. Quote the error id when reporting it.");
        problem.setProperty("errorId", errorId);
        return problem(problem, request);
    }

    private ResponseEntity<Object> handleAny(Exception failure, WebRequest request) {
        if (failure instanceof DomainException refusal) {
            return domain(refusal, request);
        } else if (failure instanceof AggregateNotFoundException missing) {
            return aggregateNotFound(missing, request);
        } else if (failure instanceof ConflictingAggregateVersionException stale) {
            return staleVersion(stale, request);
        } else if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            return concurrentChange(failure, request);
        } else if (failure instanceof AccessDeniedException denied) {
            return accessDenied(denied, request);
        } else if (failure instanceof AuthenticationException unauthenticated) {
            return unauthenticated(unauthenticated, request);
        } else if (failure instanceof ConstraintViolationException invalid) {
            return constraintViolation(invalid, request);
        } else if (failure instanceof HandlerExecutionException || failure instanceof CompletionException
                || failure instanceof ExecutionException) {
            return wrapped(failure, request);
        }
        try {
            ResponseEntity<Object> standard = handleException(failure, request);
            return standard != null ? standard : unexpected(failure, request);
        } catch (Exception notStandard) {
            return unexpected(failure, request);
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid fields.");
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(field -> error(field.getField(), field.getDefaultMessage()))
                .collect(Collectors.toList());
        invalid.getBindingResult().getGlobalErrors()
                .forEach(global -> errors.add(error(global.getObjectName(), global.getDefaultMessage())));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid parameters.");
        problem.setProperty("errors", invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> error(
                        error instanceof FieldError field ? field.getField()
                                : String.valueOf(result.getMethodParameter().getParameterName()),
                        message(error))))
                .toList());
        return handleExceptionInternal(invalid, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(unreadable, PayloadTooLargeException.class) != null) {
            return problem(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large."), request);
        }
        return handleExceptionInternal(unreadable, Problems.of(ProblemType.BAD_REQUEST, describe(unreadable)),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = mismatch.getPropertyName() == null ? "a parameter" : "'" + safeName(mismatch.getPropertyName()) + "'";
        return handleExceptionInternal(mismatch,
                Problems.of(ProblemType.BAD_REQUEST, "The value of " + name + " has the wrong type."),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring's own problems (404, 405, 415...) keep their detail and get our type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            Problems.typeFor(status).ifPresent(type -> {
                problem.setType(type.uri());
                problem.setTitle(type.title());
            });
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, WebRequest request) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static String describe(HttpMessageNotReadableException unreadable) {
        if (causedBy(unreadable, StreamConstraintsException.class) != null) {
            return "The JSON document exceeds a processing limit (such as its nesting depth).";
        }
        UnrecognizedPropertyException unknown = causedBy(unreadable, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return "Unknown property '" + safeName(unknown.getPropertyName()) + "'.";
        }
        if (causedBy(unreadable, JsonParseException.class) != null) {
            return "The request body is not well-formed JSON.";
        }
        JsonMappingException mapping = causedBy(unreadable, JsonMappingException.class);
        if (mapping != null) {
            String path = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return path.isEmpty() ? "The request body does not have the expected shape."
                    : "The value of '" + safeName(path) + "' is not valid.";
        }
        return "The request body cannot be read.";
    }

    private static <T extends Throwable> T causedBy(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", safeName(field), "message", message == null ? "is invalid" : message);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** Names echoed back come from the client: keep them short and printable. */
    private static String safeName(String name) {
        if (name == null) {
            return "";
        }
        String printable = name.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX_NAME_LENGTH ? printable.substring(0, MAX_NAME_LENGTH) + "..." : printable;
    }
}
