package dev.apigw.security.servlet;

import dev.apigw.security.AuditSink;
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
    private final AuditRecords auditRecords;
    private GatewayConfig config;
    private Set<ControlKind> controls;
    private SecurityChain chain;
    private AuditSink audit;
    private String requestIdHeader;
    private long maxBodySize = -1;

    /** For {@code web.xml}: the configuration is read from the init-parameters in {@link #init}. */
    public ApigwSecurityFilter() {
        this.auditRecords = new AuditRecords(Clock.systemUTC());
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
        this.auditRecords = new AuditRecords(Clock.systemUTC());
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
        this.maxBodySize = controls.contains(ControlKind.VALIDATION) ? config.validation().maxBodySize() : -1;
        if (audit == null) {
            audit = new Slf4jAuditSink(config.audit().loggerName());
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest received) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("apigw-security only protects HTTP requests");
        }
        HttpServletRequest request = maxBodySize < 0 ? received : new BodyRequest(received, maxBodySize);
        RequestExchange exchange = evaluate(request);
        response.setHeader(requestIdHeader, exchange.requestId());
        for (Decision.Header h : exchange.responseHeaders()) {
            response.addHeader(h.name(), h.value());
        }
        if (exchange.rejected()) {
            try {
                ProblemResponse.write(response, exchange.problem(), exchange.requestId());
            } finally {
                writeAudit(exchange, exchange.problem().status(), request);
            }
            return;
        }
        request.setAttribute(Identity.ATTRIBUTE, exchange.identity());
        request.setAttribute(REQUEST_ID_ATTRIBUTE, exchange.requestId());
        request.setAttribute(CLIENT_ADDRESS_ATTRIBUTE, exchange.clientAddress());
        boolean completed = false;
        try {
            next.doFilter(new IdentityRequest(request, exchange.identity()), response);
            completed = true;
        } catch (IOException | ServletException | RuntimeException e) {
            // The application failed because it read past the body limit: that is a 413, not its error.
            completed = OversizeBody.readPastLimit(request);
            if (!completed) {
                throw e;
            }
        } finally {
            OversizeBody.answer(request, response, exchange, requestIdHeader);
            if (completed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AuditOnComplete(exchange, request));
            } else {
                writeAudit(exchange, completed ? response.getStatus() : 500, request);
            }
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
        return chain.refuse(new ServletRequestView(request, "/"), ((InvalidPath) result).toProblem());
    }

    private void writeAudit(RequestExchange exchange, int status, HttpServletRequest request) {
        long bytesIn = request instanceof BodyRequest bodies ? bodies.bytesRead() : -1; // bytesOut: not counted yet
        audit.write(auditRecords.of(exchange, status, bytesIn, -1));
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
        private final HttpServletRequest request;

        AuditOnComplete(RequestExchange exchange, HttpServletRequest request) {
            this.exchange = exchange;
            this.request = request;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            HttpServletResponse response = (HttpServletResponse) event.getSuppliedResponse();
            OversizeBody.answer(request, response, exchange, requestIdHeader);
            writeAudit(exchange, response.getStatus(), request);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
