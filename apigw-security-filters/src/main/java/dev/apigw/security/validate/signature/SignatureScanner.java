package dev.apigw.security.validate.signature;

import dev.apigw.security.RequestView;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scans values, or the parts of a request, for attack signatures of the chosen categories. Pure and thread-safe.
 *
 * <p>Each value is checked as it arrived (after the container's own decoding) and once more after
 * {@link ValueDecoder} has peeled further encodings. A value longer than {@link #WINDOW} characters is checked in
 * windows of that size that overlap by {@link #OVERLAP}, so padding cannot push an attack out of sight and the
 * memory per check stays bounded; the work is linear in the value's length. What is scanned in a request: the
 * normalised path, every query parameter name and value, every cookie name and value, and every header except
 * those the container and this library parse themselves or that carry credentials ({@link #SKIPPED_HEADERS}).
 * Excluded fields are not scanned at all.
 */
public final class SignatureScanner {

    /** Characters checked at once; longer values are checked window by window. */
    public static final int WINDOW = 64 * 1024;
    /** Overlap of consecutive windows, longer than any signature. */
    public static final int OVERLAP = 1024;
    /** Headers with a syntax of their own, checked elsewhere, or carrying credentials; lower case. */
    public static final Set<String> SKIPPED_HEADERS = Set.of("accept", "accept-charset", "accept-encoding",
            "accept-language", "authorization", "proxy-authorization", "cache-control", "connection",
            "content-length", "content-type", "content-encoding", "host", "if-match", "if-none-match",
            "if-modified-since", "if-unmodified-since", "if-range", "pragma", "range", "te", "trailer",
            "transfer-encoding", "upgrade", "keep-alive", "proxy-connection", "origin", "traceparent", "tracestate",
            "dnt", "upgrade-insecure-requests", "priority", "x-api-key", "x-client-cert", "cookie");

    private final Detector[] detectors;
    private final FieldExclusions exclusions;

    /** A scanner for these categories with nothing excluded. */
    public SignatureScanner(Set<Category> categories) {
        this(categories, Set.of());
    }

    /** A scanner for these categories that skips the excluded fields (see {@link AttackSignatureSettings}). */
    public SignatureScanner(Set<Category> categories, Set<String> excludedFields) {
        Set<Category> chosen = categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
        List<Detector> list = new ArrayList<>();
        for (Detector d : new Detector[] {new SqlInjectionDetector(), new XssDetector(), new TraversalDetector(),
            new CommandInjectionDetector(), new CrlfDetector()}) {
            if (chosen.contains(d.category())) {
                list.add(d);
            }
        }
        this.detectors = list.toArray(Detector[]::new);
        this.exclusions = excludedFields.isEmpty() ? FieldExclusions.NONE : new FieldExclusions(excludedFields);
    }

    /** A scanner for the categories and exclusions of these settings. */
    public static SignatureScanner of(AttackSignatureSettings settings) {
        return new SignatureScanner(settings.categories(), settings.excludedFields());
    }

    /** Scans one value on its own, as a query or body value would be. */
    public Optional<Match> scan(String value) {
        Category c = check(value, Slot.VALUE);
        return c == null ? Optional.empty() : Optional.of(new Match(c, Location.VALUE, "", false));
    }

    /** Scans the path, the query and the headers (cookies included) of a request. */
    public Optional<Match> scan(RequestView request) {
        Category c = check(request.path(), Slot.PATH);
        if (c != null) {
            return Optional.of(new Match(c, Location.PATH, "", false));
        }
        for (Map.Entry<String, List<String>> p : request.queryParameters().entrySet()) {
            Optional<Match> m = pair(Location.QUERY, p.getKey(), p.getValue(), Slot.VALUE);
            if (m.isPresent()) {
                return m;
            }
        }
        for (String name : request.headerNames()) {
            Optional<Match> m = header(name, request.headers(name));
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** Scans the strings of a request body, each with its JSON pointer or form field name. */
    public Optional<Match> scanBody(List<BodyValue> values) {
        for (BodyValue v : values) {
            if (exclusions.excludesBodyField(v.field())) {
                continue;
            }
            Category c = check(v.value(), v.name() ? Slot.NAME : Slot.VALUE);
            if (c != null) {
                return Optional.of(new Match(c, Location.BODY, v.field(), v.name()));
            }
        }
        return Optional.empty();
    }

    /** Scans a request and its body strings. */
    public Optional<Match> scan(RequestView request, List<BodyValue> body) {
        Optional<Match> m = scan(request);
        return m.isPresent() ? m : scanBody(body);
    }

    private Optional<Match> header(String name, List<String> values) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("cookie")) {
            for (String value : values) {
                Optional<Match> m = cookies(value);
                if (m.isPresent()) {
                    return m;
                }
            }
            return Optional.empty();
        }
        if (SKIPPED_HEADERS.contains(lower) || lower.startsWith("sec-") || exclusions.excludesHeader(name)) {
            return Optional.empty();
        }
        for (String value : values) {
            Category c = check(value, Slot.HEADER);
            if (c != null) {
                return Optional.of(new Match(c, Location.HEADER, name, false));
            }
        }
        return Optional.empty();
    }

    /** {@code a=1; b=2} (RFC 6265 §4.2.1), read leniently: a piece without {@code =} is a value without a name. */
    private Optional<Match> cookies(String header) {
        for (int from = 0; from <= header.length(); ) {
            int semicolon = header.indexOf(';', from);
            int to = semicolon < 0 ? header.length() : semicolon;
            String piece = header.substring(from, to);
            from = to + 1;
            int eq = piece.indexOf('=');
            String name = eq < 0 ? "" : piece.substring(0, eq).strip();
            String value = eq < 0 ? piece : piece.substring(eq + 1);
            Optional<Match> m = pair(Location.COOKIE, name, List.of(value), Slot.HEADER);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private Optional<Match> pair(Location location, String name, List<String> values, Slot valueSlot) {
        if (exclusions.excludesName(name)) {
            return Optional.empty();
        }
        Category c = check(name, Slot.NAME);
        if (c != null) {
            return Optional.of(new Match(c, location, name, true));
        }
        for (String value : values) {
            c = check(value, valueSlot);
            if (c != null) {
                return Optional.of(new Match(c, location, name, false));
            }
        }
        return Optional.empty();
    }

    /** The first category whose detector matches the value, window by window, raw and decoded; or null. */
    Category check(String value, Slot slot) {
        if (value == null || value.isEmpty() || detectors.length == 0) {
            return null;
        }
        for (int start = 0; start < value.length(); start += WINDOW - OVERLAP) {
            int end = Math.min(value.length(), start + WINDOW);
            Category c = checkWindow(value.substring(start, end), slot);
            if (c != null || end == value.length()) {
                return c;
            }
        }
        return null;
    }

    private Category checkWindow(String raw, Slot slot) {
        String decoded = ValueDecoder.decode(raw);
        for (Detector d : detectors) {
            if (d.matches(raw, slot) || (decoded != raw && !decoded.equals(raw) && d.matches(decoded, slot))) {
                return d.category();
            }
        }
        return null;
    }
}
