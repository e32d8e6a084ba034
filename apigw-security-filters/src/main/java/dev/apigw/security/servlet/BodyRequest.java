package dev.apigw.security.servlet;

import dev.apigw.security.RequestBody;
import dev.apigw.security.validate.MediaType;
import dev.apigw.security.validate.UrlEncoded;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request as the controls and the application read its body: buffered (never past {@code maxBodySize}) when a
 * control asks for it, then replayed unchanged through {@code getInputStream}, {@code getReader} and, for
 * {@code application/x-www-form-urlencoded}, {@code getParameter}; otherwise streamed to the application through a
 * counting stream that stops at the limit.
 *
 * <p>Form parameters are parsed here, from the bounded body, rather than by the container, which would read the body
 * past our limit and could decode it differently from what the controls checked.
 */
final class BodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final BodyCounter counter = new BodyCounter();
    private RequestBody body;
    private ServletInputStream stream;
    private BufferedReader reader;
    private Map<String, String[]> parameters;

    BodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    /** The body, read on the first call; what {@link ServletRequestView#body()} answers. */
    RequestBody body() {
        if (body == null) {
            if (stream != null) {
                return RequestBody.unreadable("the application consumed the stream first");
            }
            try {
                body = BodyBuffer.read(super.getInputStream(), getContentLengthLong(), limit, counter);
            } catch (IOException e) {
                body = RequestBody.unreadable(e.getClass().getSimpleName());
            }
        }
        return body;
    }

    /** The body limit in bytes. */
    long limit() {
        return limit;
    }

    /** Body bytes read from the container so far. */
    long bytesRead() {
        return counter.bytes();
    }

    /** Whether reading went past the limit, by a control or by the application. */
    boolean overLimit() {
        return counter.isExceeded();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called for this request");
        }
        return stream();
    }

    private ServletInputStream stream() throws IOException {
        if (stream == null) {
            if (body != null && body.status() != RequestBody.Status.READ) {
                // Never hand the application a silently cut body.
                throw new IOException("the request body cannot be read: " + body.status());
            }
            stream = body != null ? new ReplayInputStream(body.open())
                    : new LimitedInputStream(super.getInputStream(), limit, counter);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            reader = new BufferedReader(new InputStreamReader(stream(), charset()));
        }
        return reader;
    }

    /** The request's charset, else the context's, else UTF-8 for JSON (RFC 8259), else ISO-8859-1 (Servlet §3.12). */
    private Charset charset() throws UnsupportedEncodingException {
        String name = getCharacterEncoding();
        if (name == null) {
            name = getServletContext() == null ? null : getServletContext().getRequestCharacterEncoding();
        }
        if (name == null) {
            MediaType type = MediaType.parse(getContentType());
            return type != null && type.isJson() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    /** The query's parameters, then a form body's (Servlet §3.1.1), from bytes this wrapper bounded. */
    private Map<String, String[]> parameters() {
        if (parameters == null) {
            MediaType type = MediaType.parse(getContentType());
            if (type == null || !type.isForm()) {
                return super.getParameterMap();
            }
            Map<String, List<String>> merged = new LinkedHashMap<>();
            UrlEncoded.parse(getQueryString()).forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            RequestBody form = stream == null ? body() : RequestBody.empty();
            if (form.status() == RequestBody.Status.READ) {
                String text = new String(form.toByteArray(), StandardCharsets.UTF_8);
                UrlEncoded.parse(text).forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
            Map<String, String[]> map = new LinkedHashMap<>();
            merged.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(map);
        }
        return parameters;
    }
}
