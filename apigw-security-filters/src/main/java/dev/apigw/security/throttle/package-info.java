/**
 * Throttling, usage-plan quotas and the brute-force lockout, on Bucket4j token buckets: {@link
 * dev.apigw.security.throttle.ThrottleControl} after authorization, {@link dev.apigw.security.throttle.LockoutControl}
 * around authentication, and the {@link dev.apigw.security.throttle.BucketStore} SPI with its bounded local store.
 * Shared stores (Redis) live in their own modules and are found through {@link
 * dev.apigw.security.throttle.BucketStoreFactory}.
 */
package dev.apigw.security.throttle;
