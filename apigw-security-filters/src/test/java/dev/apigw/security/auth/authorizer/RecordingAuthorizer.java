package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A plugin for tests that records every request it sees. Made by class name it allows {@code X-Partner-Token:
 * good-token} as {@code partner-a} (scope {@code pets:read}, context {@code tier=gold}) and denies anything else.
 */
public final class RecordingAuthorizer implements CustomAuthorizer {

    public static final String TOKEN_SOURCE = "header:X-Partner-Token";

    private final Function<Request, Answer> behaviour;
    private final List<Request> seen = new CopyOnWriteArrayList<>();

    public RecordingAuthorizer() {
        this(request -> "good-token".equals(request.identitySources().get(TOKEN_SOURCE))
                ? Answer.allow("partner-a", Set.of("pets:read"), Map.of("tier", "gold"))
                : Answer.deny());
    }

    public RecordingAuthorizer(Function<Request, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public Answer authorize(Request request) {
        seen.add(request);
        return behaviour.apply(request);
    }

    public List<Request> seen() {
        return seen;
    }

    public int calls() {
        return seen.size();
    }
}
