package dev.apigw.security.validate;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.Problem.ValidationError;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A route's {@code validate} block, the last control before the application (CONTRACT §2): the body's media type
 * (415), then the path, query and header parameters and the body against its schema (a JSON body, or a form's fields as
 * strings), every violation listed in one 400 {@code validation_failed} (up to {@link ValidationProblems#MAX_ERRORS}).
 *
 * <p>The body is read only here or by an earlier control that needed it, and parsed once ({@link ParsedBody}); a body
 * over the limit is answered 413 as soon as reading crosses it.
 */
public final class RequestValidationControl implements SecurityControl {

    private final RouteValidation rules;
    private final ContentTypeRule contentType;
    private final BodyParser parser;

    public RequestValidationControl(RouteValidation rules, BodyParser parser) {
        this.rules = rules;
        this.parser = parser;
        boolean typed = !rules.contentTypes().isEmpty() || rules.body() != null;
        this.contentType = typed ? new ContentTypeRule(rules.contentTypes(), rules.body() != null) : null;
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        RequestView request = exchange.request();
        Problem unsupported = contentType == null ? null : contentType.check(request);
        if (unsupported != null) {
            return Decision.reject(unsupported);
        }
        List<ValidationError> errors = new ArrayList<>(0);
        for (ParameterRule rule : rules.path()) {
            String value = exchange.pathParameters().get(rule.name());
            rule.check(value == null ? List.of() : List.of(value), "path", errors);
        }
        for (ParameterRule rule : rules.query()) {
            rule.check(request.queryParameters(rule.name()), "query", errors);
        }
        for (ParameterRule rule : rules.headers()) {
            rule.check(request.headers(rule.name()), "header", errors);
        }
        if (rules.body() != null) {
            Problem refused = checkBody(ParsedBody.of(exchange, parser), errors);
            if (refused != null) {
                return Decision.reject(refused);
            }
        }
        return errors.isEmpty() ? Decision.proceed() : Decision.reject(ValidationProblems.invalid(errors));
    }

    private Problem checkBody(ParsedBody body, List<ValidationError> errors) {
        if (body instanceof ParsedBody.Json json) {
            errors.addAll(rules.body().validate(json.tree(), "body", null));
        } else if (body instanceof ParsedBody.Form form) {
            errors.addAll(rules.body().validate(form.asTree(), "body", null));
        } else if (body instanceof ParsedBody.None) {
            errors.add(new ValidationError("body", "", "is required"));
        } else if (body instanceof ParsedBody.Refused refused) {
            return refused.problem().status() == 400 ? refused.problem().withErrors(errors) : refused.problem();
        } else {
            return ValidationProblems.unsupportedMediaType(ContentTypeRule.JSON_OR_FORM);
        }
        return null;
    }
}
