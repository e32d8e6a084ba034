/**
 * Throttling, quotas and lockouts shared by every instance through Redis: a {@code BucketStore} on Bucket4j's
 * Lettuce integration, found by the filters module through {@code ServiceLoader} when this module is on the class
 * path ({@code throttling.store.type: redis}).
 */
package dev.apigw.security.throttle.redis;
