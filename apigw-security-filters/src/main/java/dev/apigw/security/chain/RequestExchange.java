package dev.apigw.security.chain;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityExchange;

import java.util.ArrayList;
import java.util.List;

/**
 * One request on its way through the {@link SecurityChain}: the request, what the controls learned, the headers they
 * want on the response and, if a control ended it, the problem or the control's own answer.
 *
 * <p>Confined to the request's thread; the chain writes it, the servlet adapter and the audit read it afterwards.
 */
public final class RequestExchange implements SecurityExchange {

    private final RequestView request;
    private final String requestId;
    private final ClientAddress clientAddress;
    private final boolean https;
    private final long startNanos;
    private final String traceId;
    private String routeTemplate;
    private Identity identity = Identity.anonymous();
    private List<Decision.Header> responseHeaders;
    private Problem problem;
    private long decidedNanos;
    private Decision.Respond answer;

    RequestExchange(RequestView request, String requestId, ClientAddress clientAddress, boolean https, long startNanos,
                    String traceId) {
        this.traceId = traceId;
        this.request = request;
        this.requestId = requestId;
        this.clientAddress = clientAddress;
        this.https = https;
        this.startNanos = startNanos;
    }

    @Override
    public RequestView request() {
        return request;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public ClientAddress clientAddress() {
        return clientAddress;
    }

    @Override
    public String routeTemplate() {
        return routeTemplate;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public boolean https() {
        return https;
    }

    /** The W3C trace id of the caller's {@code traceparent}, or {@code null}. */
    public String traceId() {
        return traceId;
    }

    /** When the request arrived, from {@link System#nanoTime()}. */
    public long startNanos() {
        return startNanos;
    }

    /** How long the controls took, in nanoseconds. */
    public long decisionNanos() {
        return decidedNanos - startNanos;
    }

    void decided() {
        this.decidedNanos = System.nanoTime();
    }

    /** Whether a control refused the request. */
    public boolean rejected() {
        return problem != null;
    }

    /** The problem of a refused request, or {@code null}. */
    public Problem problem() {
        return problem;
    }

    /**
     * The answer a control ended the request with instead of the application (a CORS preflight's 204), or
     * {@code null}. Such a request is allowed, not rejected.
     */
    public Decision.Respond answer() {
        return answer;
    }

    /** Headers the controls want on the response, whatever its status (HSTS, CORS, RateLimit...). */
    public List<Decision.Header> responseHeaders() {
        return responseHeaders == null ? List.of() : responseHeaders;
    }

    void route(String template) {
        this.routeTemplate = template;
    }

    void reject(Problem p) {
        this.problem = p;
    }

    void answer(Decision.Respond respond) {
        this.answer = respond;
    }

    void apply(Decision.Proceed proceed) {
        if (proceed.identity() != null) {
            identity = proceed.identity();
        }
        List<Decision.Header> headers = proceed.responseHeaders();
        if (!headers.isEmpty()) {
            if (responseHeaders == null) {
                responseHeaders = new ArrayList<>(4);
            }
            responseHeaders.addAll(headers);
        }
    }
}
