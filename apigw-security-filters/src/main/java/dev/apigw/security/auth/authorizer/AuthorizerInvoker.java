package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a plugin on a bounded pool of its own and waits at most the time-out, so that a slow or stuck plugin costs a
 * request its time-out, never a hung request thread.
 *
 * <p>The pool has {@code maxConcurrentCalls} daemon threads and a queue of as many tasks; beyond that a call fails at
 * once. A timed-out call is interrupted; a plugin that ignores interrupts keeps its thread, so a stuck plugin ends in
 * fast 503s rather than in unbounded threads.
 */
final class AuthorizerInvoker implements AutoCloseable {

    private final CustomAuthorizer plugin;
    private final long timeoutNanos;
    private final String timeoutText;
    private final ThreadPoolExecutor pool;

    AuthorizerInvoker(String name, CustomAuthorizer plugin, Duration timeout, int maxConcurrentCalls) {
        this.plugin = plugin;
        this.timeoutNanos = timeout.toNanos();
        this.timeoutText = timeout.toMillis() + " ms";
        this.pool = new ThreadPoolExecutor(maxConcurrentCalls, maxConcurrentCalls, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(maxConcurrentCalls), threads(name), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The plugin's answer, or why there is none. */
    CustomAuthorizer.Answer call(CustomAuthorizer.Request request) throws AuthorizerFailure {
        Future<CustomAuthorizer.Answer> future;
        try {
            future = pool.submit(() -> plugin.authorize(request));
        } catch (RejectedExecutionException e) {
            throw new AuthorizerFailure("too many calls in flight");
        }
        try {
            CustomAuthorizer.Answer answer = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            if (answer == null) {
                throw new AuthorizerFailure("answered null");
            }
            return answer;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AuthorizerFailure("no answer within " + timeoutText);
        } catch (ExecutionException e) {
            throw new AuthorizerFailure("threw " + e.getCause().getClass().getName());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new AuthorizerFailure("interrupted while waiting");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "apigw-authorizer-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
