package dev.apigw.security.validate;

import dev.apigw.security.Decision;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;
import dev.apigw.security.validate.signature.AttackSignatureControl;
import dev.apigw.security.validate.signature.BodyValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the attack signatures at their place in the chain (with the size limits, before authentication): over the
 * path, query and headers always, and over every string of a JSON or form body on routes that read the body anyway
 * (a {@code validate.body} schema). The body is parsed once and shared with request validation.
 *
 * <p>Bodies of other routes are not read for signatures, so streaming uploads stay streaming; their applications see
 * bodies no signature looked at, which the documentation says.
 */
public final class AttackSignatureStep implements SecurityControl {

    private final AttackSignatureControl signatures;
    private final BodyParser bodyParser;

    /** Signatures only over the request line and headers where {@code bodyParser} is {@code null}. */
    public AttackSignatureStep(AttackSignatureControl signatures, BodyParser bodyParser) {
        this.signatures = signatures;
        this.bodyParser = bodyParser;
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        Decision head = signatures.decide(exchange);
        if (!head.proceeds() || bodyParser == null) {
            return head;
        }
        ParsedBody body = ParsedBody.of(exchange, bodyParser);
        if (body instanceof ParsedBody.Refused) {
            // Request validation answers an unreadable body with its own precise problem.
            return head;
        }
        List<BodyValue> values = new ArrayList<>();
        body.forEachString((pointer, value) -> values.add(new BodyValue(pointer, value)));
        if (values.isEmpty()) {
            return head;
        }
        Decision bodyDecision = signatures.decideBody(exchange, values);
        return bodyDecision.proceeds() ? head : bodyDecision;
    }
}
