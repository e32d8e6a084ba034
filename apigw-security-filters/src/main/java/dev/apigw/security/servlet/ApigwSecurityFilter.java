package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.AuditSink;
import dev.apigw.security.SecurityEvent;
import dev.apigw.security.audit.SecurityEventTypes;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.audit.Slf4jAuditSink;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.chain.RequestExchange;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.InvalidPath;
import dev.apigw.security.route.NormalizedPath;
import dev.apigw.security.route.PathNormalization;
import dev.apigw.security.route.PathNormalizer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

/**
 * The security filter: normalises the path, runs the {@link SecurityChain}, writes every refusal as problem+json,
 * hands the identity to the application and writes one audit record per request.
 *
 * <p>Register it in code with a {@link GatewayConfig}, or in {@code web.xml} with the init-parameters {@code config}
 * (a file path, {@code /WEB-INF/...} or {@code classpath:...}), {@code stage} (else {@code APIGW_STAGE}) and
 * {@code controls} (e.g. {@code ipPolicy} to run that control alone). This is the only class that touches servlet
 * requests; every decision lives in the chain.
 */
public final class ApigwSecurityFilter implements Filter {

    /** The request attribute holding the request id. */
    public static final String REQUEST_ID_ATTRIBUTE = "dev.apigw.security.RequestId";
    /** The request attribute holding the resolved {@link dev.apigw.security.ClientAddress}. */
    public static final String CLIENT_ADDRESS_ATTRIBUTE = "dev.apigw.security.ClientAddress";

    private final PathNormalizer normalizer = new PathNormalizer();
    private AuditRecords auditRecords;
    private GatewayConfig config;
    private Set<ControlKind> controls;
    private SecurityChain chain;
    private AuditSink audit;
    private String requestIdHeader;

    /** For {@code web.xml}: the configuration is read from the init-parameters in {@link #init}. */
    public ApigwSecurityFilter() {
    }

    /** A filter running every control of the configuration. */
    public ApigwSecurityFilter(GatewayConfig config) {
        this(config, ControlKind.all(), null);
    }

    /**
     * A filter running only some controls of the configuration, with an audit sink of the application's (or
     * {@code null} for the SLF4J logger of the configuration).
     */
    public ApigwSecurityFilter(GatewayConfig config, Set<ControlKind> controls, AuditSink audit) {
        this.config = config;
        this.controls = Set.copyOf(controls);
        this.audit = audit;
        start();
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (chain != null) {
            return;
        }
        try {
            FilterInitParameters params = new FilterInitParameters(filterConfig);
            this.config = params.loadConfig();
            this.controls = params.controls();
            start();
        } catch (RuntimeException e) {
            // The message carries the JSON pointer and the fix; the container shows it and refuses to start.
            throw new ServletException("apigw-security: " + e.getMessage());
        }
    }

    private void start() {
        this.chain = SecurityChain.create(config, controls);
        this.requestIdHeader = config.audit().requestIdHeader();
        this.auditRecords = new AuditRecords(Clock.systemUTC(), config.audit());
        if (audit == null) {
            audit = new Slf4jAuditSink(config.audit().loggerName());
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("apigw-security only protects HTTP requests");
        }
        RequestExchange exchange = evaluate(request);
        response.setHeader(requestIdHeader, exchange.requestId());
        for (Decision.Header h : exchange.responseHeaders()) {
            response.addHeader(h.name(), h.value());
        }
        if (exchange.rejected() || exchange.answer() != null) {
            end(request, response, exchange);
            return;
        }
        request.setAttribute(Identity.ATTRIBUTE, exchange.identity());
        request.setAttribute(REQUEST_ID_ATTRIBUTE, exchange.requestId());
        request.setAttribute(CLIENT_ADDRESS_ATTRIBUTE, exchange.clientAddress());
        CountingResponse counted = new CountingResponse(response);
        RequestMdc.put(exchange);
        String failure = null;
        try {
            next.doFilter(new IdentityRequest(request, exchange.identity()), counted);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // A client that went away surfaces here as an IOException; either way the record is still written.
            failure = "the application ended with " + e.getClass().getSimpleName();
            throw e;
        } finally {
            RequestMdc.clear();
            if (failure == null && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AuditOnComplete(exchange, counted));
            } else {
                int status = failure == null || response.isCommitted() ? response.getStatus() : 500;
                audit.write(auditRecords.of(exchange, status, request.getContentLengthLong(), counted.bytesWritten(),
                        failure));
            }
        }
    }

    /** Ends a request a control refused or answered itself (a CORS preflight); the application never sees it. */
    /** Ends a request the chain answered itself: a refusal, or a control's own answer such as a preflight's 204. */
    private void end(HttpServletRequest request, HttpServletResponse response, RequestExchange exchange)
            throws IOException {
        Decision.Respond answer = exchange.answer();
        try {
            if (answer == null) {
                ProblemResponse.write(response, exchange.problem(), exchange.requestId());
            } else {
                ProblemResponse.writeAnswer(response, answer);
            }
        } finally {
            int status = answer == null ? exchange.problem().status() : answer.status();
            AuditRecord record = auditRecords.of(exchange, status, request.getContentLengthLong(), -1, null);
            if (exchange.rejected()) {
                config.events().onEvent(new SecurityEvent(record.time(), SecurityEventTypes.forReason(record.reason()),
                        record.requestId(), record.clientIp(), record.route(), record.reason(), record.note()));
            }
            audit.write(record);
        }
    }

    private RequestExchange evaluate(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!uri.startsWith(context)) {
            // The container decoded the context path differently from the URI; nothing safe can be matched.
            return chain.refuse(new ServletRequestView(request, "/"), InvalidPath.of(InvalidPath.Cause.NOT_ABSOLUTE).toProblem());
        }
        String within = uri.substring(context.length());
        PathNormalization result = normalizer.normalize(within.isEmpty() ? "/" : within);
        if (result instanceof NormalizedPath path) {
            return chain.evaluate(new ServletRequestView(request, path.path()));
        }
        // Refused paths are recorded as received (still encoded), so the audit shows what was attempted.
        return chain.refuse(new ServletRequestView(request, within), ((InvalidPath) result).toProblem());
    }

    @Override
    public void destroy() {
        if (chain != null) {
            chain.close();
        }
    }

    /** Writes the audit record of an asynchronous request once it is complete. */
    private final class AuditOnComplete implements AsyncListener {
        private final RequestExchange exchange;
        private final CountingResponse counted;

        AuditOnComplete(RequestExchange exchange, CountingResponse counted) {
            this.exchange = exchange;
            this.counted = counted;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            HttpServletResponse response = (HttpServletResponse) event.getAsyncContext().getResponse();
            HttpServletRequest request = (HttpServletRequest) event.getAsyncContext().getRequest();
            audit.write(auditRecords.of(exchange, response.getStatus(), request.getContentLengthLong(),
                    counted.bytesWritten(), null));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
