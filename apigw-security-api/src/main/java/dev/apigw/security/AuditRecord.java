package dev.apigw.security;

import java.time.Instant;

/**
 * The audit record of one request, with the fields of CONTRACT §5. Fields that do not apply are {@code null}.
 *
 * @param time       when the request arrived
 * @param requestId  the request id
 * @param traceId    the W3C trace id of a well-formed {@code traceparent}, or {@code null}
 * @param clientIp   the resolved client address ({@code unknown} where it could not be trusted)
 * @param peerIp     the socket peer
 * @param method     the request method
 * @param path       the normalised path, without the query string
 * @param route      the matched route's path template
 * @param status     the response status
 * @param latencyMs  time from arrival to the end of the response
 * @param decision   {@code allow} or {@code deny}
 * @param reason     the rejection reason, or {@code null} when allowed
 * @param authMethod the authentication method used
 * @param principal  the authenticated principal
 * @param apiKeyId   the API key id (never the key)
 * @param plan       the usage plan
 * @param userAgent  the {@code User-Agent} header
 * @param bytesIn    request body bytes read
 * @param bytesOut   response body bytes written
 * @param throttleRemaining tokens left in the tightest limit, or {@code null} where no limit applied
 * @param note       what failed, for operators; never a credential
 * @param overheadMicros time the security controls took for this request, in microseconds (not in CONTRACT §5:
 *                   an addition so that users can see what the library costs them)
 */
public record AuditRecord(Instant time, String requestId, String traceId, String clientIp, String peerIp, String method, String path,
                          String route, int status, long latencyMs, String decision, String reason, String authMethod,
                          String principal, String apiKeyId, String plan, String userAgent, long bytesIn,
                          long bytesOut, Long throttleRemaining, String note, long overheadMicros) {
}
