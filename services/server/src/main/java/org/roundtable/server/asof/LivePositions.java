package org.roundtable.server.asof;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.roundtable.networks.query.NetworkRecordProjection;
import org.roundtable.networks.web.NetworkController;
import org.roundtable.participants.query.ParticipantDirectoryProjection;
import org.roundtable.participants.web.ParticipantController;
import org.roundtable.programmes.query.ParticipantFactsProjection;
import org.roundtable.programmes.query.ProgrammeAttendanceProjection;
import org.roundtable.programmes.query.ProgrammeCatalogueProjection;
import org.roundtable.programmes.web.ProgrammeController;
import org.roundtable.server.asof.ProcessorPositions.Range;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every live report names the ledger position it reflects, so it can be reproduced later with
 * {@code asOf=<position>}. The processors' positions are read before the read model is queried (everything
 * up to the lowest segment's position is in it) and again after (nothing beyond the highest segment's is).
 * When the two agree, nothing moved while the report was read and the position is exact: the answer carries
 * {@code X-Ledger-Position: <p>} and {@code X-Ledger-Position-Exact: true}. Otherwise the header names the
 * lower bound, marked not exact: asking again once the read models are quiet gives an exact one. Bodies are
 * left as their controllers wrote them (a live programme report's {@code asOfPosition} stays null), so
 * the position travels in headers only, for JSON and CSV alike.
 */
@ControllerAdvice
class LivePositions implements HandlerInterceptor, ResponseBodyAdvice<Object> {

    static final String POSITION_HEADER = "X-Ledger-Position";
    static final String EXACT_HEADER = "X-Ledger-Position-Exact";
    private static final String BEFORE = LivePositions.class.getName() + ".before";

    private static final List<String> PROGRAMME_REPORT = List.of(ProgrammeCatalogueProjection.PROCESSING_GROUP,
            ProgrammeAttendanceProjection.PROCESSING_GROUP, ParticipantFactsProjection.PROCESSING_GROUP);
    /** The live reports, by controller and handler method name, with the processing groups they read. */
    private static final Map<Class<?>, Map<String, List<String>>> REPORTS = Map.of(
            ParticipantController.class, Map.of("list", List.of(ParticipantDirectoryProjection.PROCESSING_GROUP)),
            ProgrammeController.class, Map.of("report", PROGRAMME_REPORT, "reportCsv", PROGRAMME_REPORT),
            NetworkController.class, Map.of("quarter", List.of(NetworkRecordProjection.PROCESSING_GROUP),
                    "quarterCsv", List.of(NetworkRecordProjection.PROCESSING_GROUP)));

    private final ProcessorPositions positions;

    LivePositions(ProcessorPositions positions) {
        this.positions = positions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            List<String> groups = groupsOf(method.getMethod());
            if (groups != null) {
                request.setAttribute(BEFORE, positions.of(groups));
            }
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.getMethod() != null && groupsOf(returnType.getMethod()) != null;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servletRequest)
                || !(servletRequest.getServletRequest().getAttribute(BEFORE) instanceof Range before)
                || (response instanceof ServletServerHttpResponse servletResponse
                && servletResponse.getServletResponse().getStatus() / 100 != 2)) {
            return body;
        }
        Range after = positions.of(groupsOf(returnType.getMethod()));
        response.getHeaders().set(POSITION_HEADER, Long.toString(before.lowest()));
        response.getHeaders().set(EXACT_HEADER, Boolean.toString(before.lowest() == after.highest()));
        return body;
    }

    private static List<String> groupsOf(Method method) {
        Map<String, List<String>> methods = REPORTS.get(method.getDeclaringClass());
        return methods == null ? null : methods.get(method.getName());
    }
}
