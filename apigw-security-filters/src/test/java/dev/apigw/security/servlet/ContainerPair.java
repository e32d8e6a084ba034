package dev.apigw.security.servlet;

import dev.apigw.security.config.GatewayConfig;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** One configuration's filter in a real Jetty 12 and a real Tomcat 10.1, for tests that expect the same answers. */
final class ContainerPair implements AutoCloseable {

    private final List<ContainerFixture> both;

    private ContainerPair(List<ContainerFixture> both) {
        this.both = both;
    }

    /** Starts both containers, each with its own filter over a configuration of {@code config}. */
    static ContainerPair start(Supplier<GatewayConfig> config) throws Exception {
        ContainerFixture jetty = ContainerFixture.jetty(new ApigwSecurityFilter(config.get()));
        try {
            return new ContainerPair(List.of(jetty, ContainerFixture.tomcat(new ApigwSecurityFilter(config.get()))));
        } catch (Exception e) {
            jetty.close();
            throw e;
        }
    }

    List<ContainerFixture> both() {
        return both;
    }

    /** The containers as arguments of a {@code @ParameterizedTest} (with {@code autoCloseArguments = false}). */
    Stream<Arguments> arguments() {
        return both.stream().map(Arguments::of);
    }

    @Override
    public void close() throws Exception {
        for (ContainerFixture c : both) {
            c.close();
        }
    }
}
