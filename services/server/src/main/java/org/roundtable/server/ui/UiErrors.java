package org.roundtable.server.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.web.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages for the web interface. Another agency's page reads exactly like a missing one; a refused
 * command names the rule; anything unexpected shows an error id to quote, and only the id and the
 * exception's type reach the log (never a message that might carry personal data).
 */
@ControllerAdvice(basePackages = "org.roundtable.server.ui")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiErrors {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);
    public static final String VIEW = "ui/error";

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException refusal, HttpServletResponse response) {
        if (refusal.type() == ProblemType.NOT_FOUND) {
            return page(response, 404, "error.notFound", null);
        }
        return page(response, refusal.type().status(), "error." + kind(refusal.type()), refusal.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ModelAndView missing(HttpServletResponse response) {
        return page(response, 404, "error.notFound", null);
    }

    @ExceptionHandler({ConflictingAggregateVersionException.class, ConcurrencyException.class})
    ModelAndView conflict(HttpServletResponse response) {
        return page(response, 409, "error.conflict", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletResponse response) {
        return page(response, 403, "error.forbidden", null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            IllegalArgumentException.class})
    ModelAndView badRequest(HttpServletResponse response) {
        return page(response, 400, "error.badRequest", null);
    }

    @ExceptionHandler({HandlerExecutionException.class, CompletionException.class, ExecutionException.class})
    ModelAndView wrapped(Exception wrapper, HttpServletResponse response) {
        Throwable cause = wrapper.getCause();
        if (cause instanceof DomainException refusal) {
            return domain(refusal, response);
        }
        if (cause instanceof AggregateNotFoundException) {
            return missing(response);
        }
        if (cause instanceof ConflictingAggregateVersionException || cause instanceof ConcurrencyException) {
            return conflict(response);
        }
        if (cause instanceof Exception inner && cause != wrapper && !(inner instanceof CommandExecutionException)) {
            return wrapped(inner, response);
        }
        if (wrapper instanceof CommandExecutionException remote && remote.getDetails().isPresent()
                && remote.getDetails().get() instanceof ProblemType type) {
            return type == ProblemType.NOT_FOUND ? missing(response)
                    : page(response, type.status(), "error." + kind(type), remote.getMessage());
        }
        return unexpected(wrapper, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletResponse response) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unhandled error {} on a page: {}", errorId, SafeThrowables.describe(failure));
        ModelAndView page = page(response, 500, "error.unexpected", null);
        page.addObject("errorId", errorId);
        return page;
    }

    private static String kind(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "notFound";
            case CONFLICT, PRECONDITION_FAILED -> "conflict";
            case FORBIDDEN -> "forbidden";
            case RULE_VIOLATION -> "rule";
            default -> "badRequest";
        };
    }

    private static ModelAndView page(HttpServletResponse response, int status, String titleKey, String detail) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView(VIEW);
        page.addObject("status", status);
        page.addObject("titleKey", titleKey);
        page.addObject("detail", detail);
        return page;
    }
}
