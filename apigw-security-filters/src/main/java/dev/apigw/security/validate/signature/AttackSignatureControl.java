package dev.apigw.security.validate.signature;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a request for attack signatures (CONTRACT §3 {@code validation.attackSignatures}; §4 403
 * {@code attack_signature}) in the mode its settings name.
 *
 * <p>{@link #decide} covers the path, query and headers, at its place among the size limits in CONTRACT §2 order;
 * {@link #decideBody} covers the body's strings once whoever reads the body has parsed them. In {@code block} mode a
 * match is refused with a problem whose detail never repeats the input; the internal note names the category and
 * where it matched, for the audit record. In {@code log} mode the request proceeds and the match is logged at WARN on
 * the {@code apigw.security} logger, again without the value. {@code off} checks nothing.
 */
public final class AttackSignatureControl implements SecurityControl {

    /** The logger that {@code log} mode writes to. */
    public static final String LOGGER = "apigw.security";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Problem ATTACK = Problem.of(403, "attack_signature",
            "The request contains a pattern this API refuses as a likely attack; remove it and try again.");

    private final AttackSignatureSettings settings;
    private final SignatureScanner scanner;
    private final boolean active;

    /** A control enforcing these settings. */
    public AttackSignatureControl(AttackSignatureSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scanner = SignatureScanner.of(settings);
        this.active = settings.active();
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        return active ? decision(scanner.scan(exchange.request()), exchange) : Decision.proceed();
    }

    /** Decides over the strings of the request body: JSON strings and member names, or form fields. */
    public Decision decideBody(SecurityExchange exchange, List<BodyValue> body) {
        return active ? decision(scanner.scanBody(body), exchange) : Decision.proceed();
    }

    /** The settings this control enforces. */
    public AttackSignatureSettings settings() {
        return settings;
    }

    private Decision decision(Optional<Match> match, SecurityExchange exchange) {
        if (match.isEmpty()) {
            return Decision.proceed();
        }
        String note = "attack signature: " + match.get().describe();
        if (settings.mode() == AttackSignatureSettings.Mode.LOG) {
            LOG.warn("{} (mode log, request {}, route {})", note, exchange.requestId(), exchange.routeTemplate());
            return Decision.proceed();
        }
        return Decision.reject(ATTACK.withInternalNote(note));
    }
}
